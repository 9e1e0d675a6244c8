using System.Net.Http.Headers;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Display;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Tests.Display;

/// <summary>A real <see cref="DoorDisplayServer"/> (Kestrel on 127.0.0.1, port 0) over a <see cref="FakeRoomLifecycle"/>.</summary>
internal sealed class DoorServerHarness : IAsyncDisposable
{
    private DoorServerHarness(FakeRoomLifecycle lifecycle, FakeTimeProvider time, DoorDisplayServer server)
    {
        Lifecycle = lifecycle;
        Time = time;
        Server = server;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public FakeRoomLifecycle Lifecycle { get; }

    public FakeTimeProvider Time { get; }

    public DoorDisplayServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<DoorServerHarness> StartAsync(RoomStateMessage? initial = null, string url = "http://127.0.0.1:0")
    {
        var lifecycle = new FakeRoomLifecycle(initial ?? DoorStates.State(RoomStates.Free));
        var time = new FakeTimeProvider(DoorStates.Now);
        var server = new DoorDisplayServer(lifecycle, new DoorDisplayOptions { Url = url }, time, NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None);
        return new DoorServerHarness(lifecycle, time, server);
    }

    /// <summary>A POST as the door page sends it (JSON, with the page's header).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(DisplayDefaults.RequestHeader, "1");
        headers?.Invoke(request.Headers);
        return Http.SendAsync(request);
    }

    /// <summary>Opens <c>/events</c>.</summary>
    public async Task<(HttpResponseMessage Response, SseReader Reader)> OpenEventsAsync()
    {
        var response = await Http.GetAsync(new Uri("events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return (response, new SseReader(await response.Content.ReadAsStreamAsync()));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
