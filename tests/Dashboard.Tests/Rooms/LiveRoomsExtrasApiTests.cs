using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Rooms;

/// <summary>
/// Issue 8 item 1, the wall tile's extras from <c>GET /api/rooms/live</c> against a real influxd: the edge's uplink
/// (measurement <c>network</c> as the probe writes it), the sparkline history on request, and the show in progress.
/// </summary>
public sealed class LiveRoomsExtrasApiTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task GetLive_NetworkPoints_ReturnsTxRateAndLastUplinkTest()
    {
        var db = await NewDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, 30, 4_500_000, true, now.AddSeconds(-1)),
            InfluxTestData.StreamPoint("demo", "room-2", 1920, 1080, 30, 4_500_000, true, now.AddSeconds(-1)),
            Network("room-1", "tx_bps=4800000,uplink_mbps=7.25", now.AddMinutes(-20)),
            Network("room-1", "tx_bps=5100000", now.AddSeconds(-2)),
            Network("room-2", "tx_bps=900000", now.AddMinutes(-5)));
        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);

        var body = await client.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);

        var room1 = body!.Rooms.Single(r => r.Room == "room-1");
        Assert.Equal(5_100_000, room1.TxBps);
        Assert.Equal(7.25, room1.UplinkMbps);
        Assert.Equal(now.AddMinutes(-20).ToUnixTimeMilliseconds(), room1.UplinkTestedAt!.Value.ToUnixTimeMilliseconds());
        var room2 = body.Rooms.Single(r => r.Room == "room-2");
        Assert.Null(room2.TxBps); // older than the live window: not shown as the uplink now
        Assert.Null(room2.UplinkMbps);
        Assert.Null(body.History);
    }

    [Fact]
    public async Task GetLive_HistoryRequested_ReturnsTenSecondMeansOfLastFiveMinutes()
    {
        var db = await NewDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        var lines = new List<string> { InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, 30, 9_000_000, true, now.AddMinutes(-8)) };
        for (var s = 60; s >= 1; s--)
        {
            lines.Add(InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, 30, 4_000_000 + (s * 10_000), true, now.AddSeconds(-s)));
        }

        await InfluxTestData.WriteAsync(influx.Server.BaseUri, db, [.. lines]);
        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);

        var body = await client.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live?history=true", Json);

        var history = Assert.Single(body!.History!);
        Assert.Equal(("demo", "room-1", 10.0), (history.Site, history.Room, history.IntervalSeconds));
        Assert.InRange(history.Times.Count, 6, 7); // 60 s of points in 10 s buckets; the 8-minute-old point is outside
        Assert.Equal(history.Times.Count, history.BitrateBps.Count);
        Assert.All(history.Times.Zip(history.Times.Skip(1)), p => Assert.Equal(10_000, p.Second - p.First));
        Assert.All(history.BitrateBps, b => Assert.InRange(b!.Value, 4_000_000, 4_600_000));
        Assert.All(history.Fps, f => Assert.Equal(30, f));
    }

    [Fact]
    public async Task GetLive_ShowInProgress_ListedWithSiteZoneOnlyForItsSite()
    {
        var db = await NewDatabaseAsync();
        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);
        var store = factory.Services.GetRequiredService<ScheduleStore>();
        var now = DateTimeOffset.UtcNow;
        foreach (var site in new[] { "demo", "north" })
        {
            Assert.True(store.TryCreateSite(new SiteRecord(site, site, "Asia/Shanghai", [])));
            Assert.True(store.TryCreateRoom(new RoomRecord(site, "room-1", "Room 1")));
        }

        Assert.Null(store.TrySave(
        [
            new ShowRecord("now-1", "demo", "room-1", now.AddMinutes(-10), now.AddHours(1), "Morning <b>sale</b>", "Lin", null),
            new ShowRecord("later-1", "demo", "room-1", now.AddHours(2), now.AddHours(3), "Later", "Lin", null),
            new ShowRecord("north-1", "north", "room-1", now.AddMinutes(-5), now.AddMinutes(30), "North show", "Wu", null),
        ]));
        factory.CreateUser("demo-tech", ["technician"], ["demo"]);
        using var scoped = await factory.SignedInAsync("demo-tech");

        var all = await client.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);
        var demoOnly = await scoped.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);

        Assert.Equal(["demo/now-1", "north/north-1"], all!.Shows!.Select(s => $"{s.Site}/{s.Id}").Order(StringComparer.Ordinal));
        var show = Assert.Single(demoOnly!.Shows!);
        Assert.Equal(("room-1", "Morning <b>sale</b>", "Asia/Shanghai"), (show.Room, show.Title, show.TimeZone));
        Assert.Equal(now.AddMinutes(-10).ToUnixTimeMilliseconds(), show.Start.ToUnixTimeMilliseconds());
    }

    private static string Network(string room, string fields, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"network,room={room},site=demo {fields} {at.ToUnixTimeMilliseconds()}");

    private static async Task<HttpClient> ViewerAsync(DashboardFactory factory)
    {
        factory.CreateUser("viewer", ["on-call"]);
        return await factory.SignedInAsync("viewer");
    }

    private async Task<string> NewDatabaseAsync()
    {
        var db = "t" + Guid.NewGuid().ToString("N")[..12];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        return db;
    }

    private DashboardFactory Factory(string database) => new(new Dictionary<string, string?>
    {
        ["Dashboard:Influx:Url"] = influx.Server.BaseUri.ToString(),
        ["Dashboard:Influx:Database"] = database,
    });
}
