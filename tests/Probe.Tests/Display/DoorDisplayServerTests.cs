using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Display;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static LiveRoom.Probe.Tests.Display.DoorStates;

namespace LiveRoom.Probe.Tests.Display;

/// <summary>The door display server over real Kestrel on a free port of 127.0.0.1 (issue 6 item 4a).</summary>
[FailOnUnobservedTaskException]
public sealed class DoorDisplayServerTests
{
    private static readonly TimeSpan ChangeDeadline = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task StartAsync_PortZero_AddressHasBoundPort()
    {
        await using var door = await DoorServerHarness.StartAsync();

        Assert.NotNull(door.Server.Address);
        Assert.Equal("127.0.0.1", door.Server.Address.Host);
        Assert.NotEqual(0, door.Server.Address.Port);
    }

    [Fact]
    public async Task StartAsync_EmptyUrl_StaysOff()
    {
        await using var server = new DoorDisplayServer(new FakeRoomLifecycle(State(RoomStates.Free)), new DoorDisplayOptions { Url = string.Empty }, TimeProvider.System, NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None);

        Assert.Null(server.Address);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_ThrowsNamingKey()
    {
        await using var server = new DoorDisplayServer(new FakeRoomLifecycle(State(RoomStates.Free)), new DoorDisplayOptions { Url = "ftp://x" }, TimeProvider.System, NullLoggerFactory.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync(CancellationToken.None));
        Assert.Contains("Probe:Display:Url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PortTaken_ThrowsAndCanStillDispose()
    {
        await using var door = await DoorServerHarness.StartAsync();
        var url = door.Server.Address!.GetLeftPart(UriPartial.Authority);
        var second = new DoorDisplayServer(new FakeRoomLifecycle(State(RoomStates.Free)), new DoorDisplayOptions { Url = url }, TimeProvider.System, NullLoggerFactory.Instance);

        await Assert.ThrowsAsync<IOException>(() => second.StartAsync(CancellationToken.None));
        Assert.Null(second.Address);
        await second.DisposeAsync();
        Assert.Equal(HttpStatusCode.OK, (await door.Http.GetAsync(new Uri("api/state", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task GetState_NotReady_StateAndComposedDisplay()
    {
        await using var door = await DoorServerHarness.StartAsync(State(RoomStates.NotReady, Show(), NextShow(), "uplink 2.1 Mbit/s", Progress(9, 10, "uplink: 2.1 Mbit/s")));
        door.Lifecycle.SetManualItems(new ManualItemStatus("backdrop", "背景墙干净 backdrop clean", false, null, null));

        using var json = JsonDocument.Parse(await door.Http.GetStringAsync(new Uri("api/state", UriKind.Relative)));
        var root = json.RootElement;

        Assert.Equal("not-ready", root.GetProperty("state").GetProperty("state").GetString());
        Assert.Equal("双十一美妆专场", root.GetProperty("state").GetProperty("show").GetProperty("title").GetString());
        var display = root.GetProperty("display");
        Assert.Equal("未就绪", display.GetProperty("zh").GetString());
        Assert.Equal("NOT READY", display.GetProperty("en").GetString());
        Assert.Equal("14:00–16:00", display.GetProperty("w").GetString());
        Assert.Equal("上行带宽未通过 uplink 2.1 Mbit/s", display.GetProperty("m").GetString());
        Assert.Equal("backdrop", root.GetProperty("manual")[0].GetProperty("id").GetString());
        Assert.False(root.GetProperty("manual")[0].GetProperty("confirmed").GetBoolean());
        Assert.Equal(Now.ToUnixTimeMilliseconds(), root.GetProperty("now").GetInt64());
    }

    [Fact]
    public async Task GetPage_Root_KioskPageWithOwnAssetsOnly()
    {
        await using var door = await DoorServerHarness.StartAsync();

        using var page = await door.Http.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var script = await door.Http.GetStringAsync(new Uri("door.js", UriKind.Relative));
        var css = await door.Http.GetStringAsync(new Uri("door.css", UriKind.Relative));

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("id=\"zh\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("://", html, StringComparison.Ordinal);
        Assert.Contains("new EventSource('events')", script, StringComparison.Ordinal);
        Assert.DoesNotContain("://", script, StringComparison.Ordinal);
        Assert.DoesNotContain("://", css, StringComparison.Ordinal);
        Assert.Contains("#zh", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_Open_RetryThenCurrentStateAtOnce()
    {
        await using var door = await DoorServerHarness.StartAsync(State(RoomStates.Booked, Show()));
        var (response, reader) = await door.OpenEventsAsync();
        using (response)
        using (reader)
        {
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(("retry", "1000"), await reader.NextAsync(ChangeDeadline));
            var (type, data) = await reader.NextAsync(ChangeDeadline);

            Assert.Equal("state", type);
            using var json = JsonDocument.Parse(data);
            Assert.Equal("BOOKED", json.RootElement.GetProperty("display").GetProperty("en").GetString());
        }
    }

    [Fact]
    public async Task Events_StateChanges_DeliveredWithinTwoSeconds()
    {
        await using var door = await DoorServerHarness.StartAsync(State(RoomStates.Ready, Show()));
        var (response, reader) = await door.OpenEventsAsync();
        using (response)
        using (reader)
        {
            await reader.NextStateAsync(ChangeDeadline);
            foreach (var (state, english) in new[] { (RoomStates.Live, "ON AIR"), (RoomStates.Fault, "FAULT"), (RoomStates.Ended, "ENDED") })
            {
                var clock = Stopwatch.StartNew();
                door.Lifecycle.Publish(State(state, Show()));
                var (_, data) = await reader.NextStateAsync(ChangeDeadline);

                Assert.True(clock.Elapsed < ChangeDeadline, $"{state} took {clock.Elapsed.TotalMilliseconds} ms");
                using var json = JsonDocument.Parse(data);
                Assert.Equal(english, json.RootElement.GetProperty("display").GetProperty("en").GetString());
            }
        }
    }

    [Fact]
    public async Task Events_HeartbeatInterval_CommentSent()
    {
        await using var door = await DoorServerHarness.StartAsync();
        var (response, reader) = await door.OpenEventsAsync();
        using (response)
        using (reader)
        {
            await reader.NextStateAsync(ChangeDeadline);
            door.Time.Advance(DisplayDefaults.HeartbeatInterval);

            Assert.Equal((":", "heartbeat"), await reader.NextAsync(ChangeDeadline));
        }
    }

    [Fact]
    public async Task StopAsync_OpenEventStream_EndsStreamPromptly()
    {
        var door = await DoorServerHarness.StartAsync();
        var (response, reader) = await door.OpenEventsAsync();
        using (response)
        using (reader)
        {
            await reader.NextStateAsync(ChangeDeadline);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(4));
            await door.Server.StopAsync(timeout.Token);

            await Assert.ThrowsAnyAsync<Exception>(() => reader.NextAsync(ChangeDeadline));
            await Eventually.WaitAsync(() => door.Lifecycle.Watchers == 0, ChangeDeadline, "the watcher to be released");
        }

        await door.DisposeAsync();
    }
}
