using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Lifecycle;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Tests.Schedules;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Lifecycle;

/// <summary>Room states read from the edges' retained messages, and checklist commands sent to them, over a real Mosquitto.</summary>
[FailOnUnobservedTaskException]
public sealed class RoomStateAndChecklistTests(MosquittoFixture broker) : IClassFixture<MosquittoFixture>
{
    [Fact]
    public async Task GetState_EdgePublishesStateThenGoesOffline_ReadyThenOffline()
    {
        using var factory = SchedulePushTests.Factory(broker.Server.Port);
        using var manager = await SchedulePushTests.SetUpAsync(factory);
        await using var edge = await TestMqtt.ConnectAsync(broker.Server);
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<Dashboard.Mqtt.EdgeLink>().Unavailable is null, TestMqtt.Wait, "the dashboard's MQTT link");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/rooms/sh/room-1/state", UriKind.Relative))).StatusCode);

        await edge.PublishAsync(Topic.Status("sh", "room-1"), Status(StatusMessage.Online), retain: true);
        await edge.PublishAsync(Topic.State("sh", "room-1"), State(RoomStates.NotReady, "uplink 2.1 Mbit/s < 4"), retain: true);

        var ready = await Eventually.WaitAsync(
            () => StateAsync(manager), v => v?.State == RoomStates.NotReady, TestMqtt.Wait, "not-ready");
        Assert.Equal(("uplink 2.1 Mbit/s < 4", true), (ready!.Reason, ready.Online));
        Assert.Equal("Evening show", ready.Show!.Title);

        await edge.PublishAsync(Topic.Status("sh", "room-1"), Status(StatusMessage.Offline), retain: true);
        var offline = await Eventually.WaitAsync(
            () => StateAsync(manager), v => v?.State == RoomStates.Offline, TestMqtt.Wait, "offline");
        Assert.Equal((false, string.Empty), (offline!.Online, offline.Reason));

        await edge.PublishAsync(Topic.State("sh", "room-1"), "{not json"u8.ToArray(), retain: false);
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<RoomStateCache>().Rejected == 1, TestMqtt.Wait, "the bad message counted");
        Assert.Equal(RoomStates.Offline, (await manager.GetFromJsonAsync<RoomStateView>("/api/rooms/sh/room-1/state"))!.State);
    }

    [Fact]
    public async Task ChecklistRunAndConfirm_Technician_PublishedWithUserNameAndAudited()
    {
        using var factory = SchedulePushTests.Factory(broker.Server.Port);
        using var manager = await SchedulePushTests.SetUpAsync(factory);
        factory.CreateUser("tech", ["technician"]);
        using var tech = await factory.SignedInAsync("tech");
        var topic = Topic.Command("sh", "room-1", CommandName.Checklist);
        await using var edge = await TestMqtt.ConnectAsync(broker.Server, topic);
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<Dashboard.Mqtt.EdgeLink>().Unavailable is null, TestMqtt.Wait, "the dashboard's MQTT link");

        using var run = await tech.PostAsync(new Uri("/api/rooms/sh/room-1/checklist/run", UriKind.Relative), null);
        using var confirm = await tech.PostAsJsonAsync("/api/rooms/sh/room-1/checklist/confirm", new ChecklistConfirmRequest("mic", null));
        using var unknownItem = await tech.PostAsJsonAsync("/api/rooms/sh/room-1/checklist/confirm", new ChecklistConfirmRequest("backdrop", null));
        using var asManager = await manager.PostAsync(new Uri("/api/rooms/sh/room-1/checklist/run", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownItem.StatusCode);
        Assert.Equal("'backdrop' is not a manual checklist item of site 'sh'; the site's items: mic", await SchedulesApiTests.DetailAsync(unknownItem));
        Assert.Equal(HttpStatusCode.Forbidden, asManager.StatusCode);
        await edge.WaitForAsync(m => Command(m).Action == ChecklistCommand.Confirm, "the confirmation");
        var commands = edge.Received.Select(Command).ToList();
        Assert.Equal([ChecklistCommand.Run, ChecklistCommand.Confirm], commands.Select(c => c.Action));
        Assert.All(commands, c => Assert.Equal("tech", c.By));
        Assert.Equal("mic", commands[1].Item);
        Assert.All(edge.Received, m => Assert.False(m.Retain));
        var audit = factory.Services.GetRequiredService<AuditLog>().Read(100);
        Assert.Contains(audit, e => e.Action == ScheduleAuditActions.ChecklistRun && e.Actor == "tech" && e.Outcome == "ok" && e.Target == "sh/room-1");
        Assert.Contains(audit, e => e.Action == ScheduleAuditActions.ChecklistConfirm && e.Actor == "tech" && e.Detail == "item=mic");
    }

    [Fact]
    public async Task ChecklistRun_MqttOff_503SayingSo()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" });
        factory.CreateUser("tech", ["technician"]);
        factory.Services.GetRequiredService<ScheduleStore>().TryCreateSite(new SiteRecord("sh", "Shanghai", "Asia/Shanghai", []));
        factory.Services.GetRequiredService<ScheduleStore>().TryCreateRoom(new RoomRecord("sh", "room-1", "Room 1"));
        using var tech = await factory.SignedInAsync("tech");

        using var run = await tech.PostAsync(new Uri("/api/rooms/sh/room-1/checklist/run", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, run.StatusCode);
        Assert.Equal("Dashboard:Mqtt:Host is not set: the dashboard has no MQTT connection to the edges", await SchedulesApiTests.DetailAsync(run));
    }

    /// <summary>The state, or null while the dashboard has not received any (404).</summary>
    private static async Task<RoomStateView?> StateAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/rooms/sh/room-1/state", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<RoomStateView>();
    }

    private static byte[] Status(string status) => EdgeStates.Status("sh", "room-1", status);

    private static byte[] State(string state, string reason)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return EdgeStates.State("sh", "room-1", state, reason, new ShowSummary { Id = "show-1", Title = "Evening show", Start = now + 1_800_000, End = now + 9_000_000 }, "Asia/Shanghai");
    }

    private static ChecklistCommand Command(LiveRoom.Mqtt.MqttMessage m) =>
        JsonSerializer.Deserialize(m.Payload.Span, ContractsJsonContext.Default.ChecklistCommand)!;
}
