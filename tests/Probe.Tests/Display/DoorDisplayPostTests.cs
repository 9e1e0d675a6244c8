using System.Net;
using System.Text.Json;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Display;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.Display.DoorStates;

namespace LiveRoom.Probe.Tests.Display;

/// <summary>
/// The technician's two actions at the door (<c>POST /api/confirm</c>, <c>POST /api/checklist/run</c>) over real Kestrel:
/// good input reaches the lifecycle, bad input is a 400 naming the problem, and cross-site posts are refused.
/// </summary>
[FailOnUnobservedTaskException]
public sealed class DoorDisplayPostTests
{
    [Fact]
    public async Task Confirm_KnownItem_LifecycleRecordsWhoAndStreamShowsIt()
    {
        await using var door = await DoorServerHarness.StartAsync(State(RoomStates.PreShow, Show(), checklist: Progress(3, 10)));
        door.Lifecycle.SetManualItems(new ManualItemStatus("backdrop", "背景墙干净", false, null, null), new ManualItemStatus("mic", "麦克风电池", false, null, null));

        using var response = await door.PostAsync("api/confirm", """{"item":"mic","by":"张工"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("confirmed by 张工", await MessageOf(response), StringComparison.Ordinal);
        Assert.Equal([("mic", "张工")], door.Lifecycle.Confirmations);
        using var json = JsonDocument.Parse(await door.Http.GetStringAsync(new Uri("api/state", UriKind.Relative)));
        var mic = json.RootElement.GetProperty("manual")[1];
        Assert.True(mic.GetProperty("confirmed").GetBoolean());
        Assert.Equal("张工", mic.GetProperty("by").GetString());
    }

    [Theory]
    [InlineData("""{"by":"张工"}""", "item is required")]
    [InlineData("""{"item":"mic"}""", "by is required")]
    [InlineData("""{"item":"mic","by":"  \u0001 "}""", "by is required")]
    [InlineData("""{"item":"lights","by":"张工"}""", "unknown item 'lights'; manual items of the current run: mic")]
    [InlineData("{\"item\":\"mic\",\"by\":\"张工\"", "body is not valid JSON")]
    [InlineData("""null""", "body must be a JSON object")]
    [InlineData("""{"item":"mic","by":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}""", "by is 72 characters long; allowed at most 64")]
    public async Task Confirm_BadInput_400WithMessage(string body, string message)
    {
        await using var door = await DoorServerHarness.StartAsync(State(RoomStates.PreShow, Show(), checklist: Progress(3, 10)));
        door.Lifecycle.SetManualItems(new ManualItemStatus("mic", "麦克风电池", false, null, null));

        using var response = await door.PostAsync("api/confirm", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.StartsWith(message, json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(door.Lifecycle.Confirmations);
    }

    [Fact]
    public async Task Confirm_NoRunActive_400SaysSo()
    {
        await using var door = await DoorServerHarness.StartAsync();

        using var response = await door.PostAsync("api/confirm", """{"item":"mic","by":"张工"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no checklist run with manual items is active", await MessageOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_AlreadyConfirmed_409WithLifecycleMessage()
    {
        await using var door = await DoorServerHarness.StartAsync();
        door.Lifecycle.SetManualItems(new ManualItemStatus("mic", "麦克风电池", true, "李工", 1));

        using var response = await door.PostAsync("api/confirm", """{"item":"mic","by":"张工"}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already confirmed by 李工", await MessageOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_TooLargeBody_413()
    {
        await using var door = await DoorServerHarness.StartAsync();
        door.Lifecycle.SetManualItems(new ManualItemStatus("mic", "麦克风电池", false, null, null));

        using var response = await door.PostAsync("api/confirm", "{\"item\":\"mic\",\"by\":\"" + new string('x', 10_000) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(door.Lifecycle.Confirmations);
    }

    [Fact]
    public async Task Run_WithName_StartsRun()
    {
        await using var door = await DoorServerHarness.StartAsync();

        using var response = await door.PostAsync("api/checklist/run", """{"by":"张工"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["张工"], door.Lifecycle.Runs);
    }

    [Fact]
    public async Task Run_MissingName_400()
    {
        await using var door = await DoorServerHarness.StartAsync();

        using var response = await door.PostAsync("api/checklist/run", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("by is required", await MessageOf(response), StringComparison.Ordinal);
        Assert.Empty(door.Lifecycle.Runs);
    }

    [Fact]
    public async Task Run_LifecycleRefuses_409WithReason()
    {
        await using var door = await DoorServerHarness.StartAsync();
        door.Lifecycle.RefuseRunsWith = "a checklist run is already in progress";

        using var response = await door.PostAsync("api/checklist/run", """{"by":"张工"}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already in progress", await MessageOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameOriginHeaders_Accepted()
    {
        await using var door = await DoorServerHarness.StartAsync();
        var self = door.Server.Address!.GetLeftPart(UriPartial.Authority);

        using var response = await door.PostAsync("api/checklist/run", """{"by":"张工"}""", h =>
        {
            h.Add("Origin", self);
            h.Referrer = new Uri(self + "/");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Referer", "http://evil.example/door")]
    public async Task Post_CrossOrigin_403AndNothingDone(string header, string value)
    {
        await using var door = await DoorServerHarness.StartAsync();

        using var response = await door.PostAsync("api/checklist/run", """{"by":"mallory"}""", h => h.Add(header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("cross-origin request from", await MessageOf(response), StringComparison.Ordinal);
        Assert.Empty(door.Lifecycle.Runs);
    }

    [Fact]
    public async Task Post_CrossSiteFormWithoutPageHeader_403AndNothingDone()
    {
        await using var door = await DoorServerHarness.StartAsync();
        door.Lifecycle.SetManualItems(new ManualItemStatus("mic", "麦克风电池", false, null, null));

        using var form = new FormUrlEncodedContent([new("item", "mic"), new("by", "mallory")]);
        using var response = await door.Http.PostAsync(new Uri("api/confirm", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(DisplayDefaults.RequestHeader + " missing", await MessageOf(response), StringComparison.Ordinal);
        Assert.Empty(door.Lifecycle.Confirmations);
    }

    [Fact]
    public async Task Post_PageHeaderButFormBody_415()
    {
        await using var door = await DoorServerHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/checklist/run", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("by", "mallory")]),
        };
        request.Headers.Add(DisplayDefaults.RequestHeader, "1");

        using var response = await door.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(door.Lifecycle.Runs);
    }

    private static async Task<string> MessageOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("message").GetString() ?? string.Empty;
    }
}
