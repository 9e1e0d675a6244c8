using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Mqtt;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Lifecycle;

/// <summary>The room wall's data carries each room's lifecycle state (issue 8 item 1), from a real broker and influxd, limited to the user's sites.</summary>
[FailOnUnobservedTaskException]
public sealed class WallStateTests(MosquittoFixture broker, InfluxFixture influx) : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task GetLive_EdgesPublishedStates_StatesInWallDataForVisibleSitesOnly()
    {
        var db = "wall_" + Guid.NewGuid().ToString("N")[..8];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        await InfluxTestData.WriteAsync(influx.Server.BaseUri, db, InfluxTestData.StreamPoint("sh", "room-1", 1920, 1080, 30, 5_000_000, true, DateTimeOffset.UtcNow.AddSeconds(-1)));
        using var factory = Dashboard(db);
        factory.CreateUser("all", ["on-call"]);
        factory.CreateUser("scoped", ["on-call"], ["sh"]);
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<EdgeLink>().Unavailable is null, TestMqtt.Wait, "the dashboard's MQTT link");
        await using var edge = await TestMqtt.ConnectAsync(broker.Server);
        var site2 = "wall" + Guid.NewGuid().ToString("N")[..6];
        await edge.PublishAsync(Topic.State("sh", "room-1"), State("sh", "room-1", RoomStates.Live), retain: false);
        await edge.PublishAsync(Topic.State(site2, "room-9"), State(site2, "room-9", RoomStates.Booked), retain: false);
        using var all = await factory.SignedInAsync("all");
        using var scoped = await factory.SignedInAsync("scoped");

        var body = await Eventually.WaitAsync(
            () => all.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json),
            b => b!.States!.Any(s => s.Site == site2) && b.States!.Any(s => s.Site == "sh"),
            TestMqtt.Wait,
            "both states on the wall");
        var scopedBody = await scoped.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);

        Assert.Equal(RoomStates.Live, body!.States!.Single(s => s.Site == "sh" && s.Room == "room-1").State);
        Assert.Equal(RoomStates.Booked, body.States!.Single(s => s.Site == site2).State);
        Assert.Equal(["sh/room-1"], scopedBody!.States!.Select(s => $"{s.Site}/{s.Room}"));
    }

    [Fact]
    public async Task GetLive_CollectorHeartbeatThenItsLastWill_WallSaysRunningThenDown()
    {
        var db = "wallc_" + Guid.NewGuid().ToString("N")[..8];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        using var factory = Dashboard(db);
        factory.CreateUser("scoped", ["technician"], ["sh"]);
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<EdgeLink>().Unavailable is null, TestMqtt.Wait, "the dashboard's MQTT link");
        await using var collector = await TestMqtt.ConnectAsync(broker.Server);
        using var user = await factory.SignedInAsync("scoped");

        await collector.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Alive(DateTimeOffset.UtcNow, influx: true, "a", TimeSpan.FromSeconds(10)), retain: true);
        var running = await Eventually.WaitAsync(
            () => user.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json),
            b => b!.Collector?.State == "running",
            TestMqtt.Wait,
            "the wall says the collector runs");
        await collector.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Dead("a"), retain: true);
        var down = await Eventually.WaitAsync(
            () => user.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json),
            b => b!.Collector?.State == "down",
            TestMqtt.Wait,
            "the wall says the collector is down");

        Assert.Equal("a", running!.Collector!.Instance);
        Assert.Equal("collector a is running", running.Collector.Message);
        var alone = await user.GetFromJsonAsync<LiveRoom.Dashboard.Collectors.CollectorStatusView>("/api/collector", Json);
        Assert.Equal("a", down!.Collector!.Instance);
        Assert.Equal("down", alone!.State);
        Assert.NotNull(down.Collector.Since);
        Assert.Equal(running.Collector.LastHeartbeatAt, down.Collector.LastHeartbeatAt);
        Assert.StartsWith("collector a is down", down.Collector.Message, StringComparison.Ordinal);
    }

    /// <summary>The dashboard on this class's influxd and broker, with its own MQTT client id.</summary>
    private DashboardFactory Dashboard(string db) => new(new Dictionary<string, string?>
    {
        ["Dashboard:Influx:Url"] = influx.Server.BaseUri.ToString(),
        ["Dashboard:Influx:Database"] = db,
        ["Dashboard:Influx:Rollup"] = "false",
        ["Dashboard:Mqtt:Host"] = "127.0.0.1",
        ["Dashboard:Mqtt:Port"] = broker.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dashboard:Mqtt:ClientId"] = "wall-" + Guid.NewGuid().ToString("N")[..8],
    });

    private static byte[] State(string site, string room, string state) => EdgeStates.State(site, room, state);
}
