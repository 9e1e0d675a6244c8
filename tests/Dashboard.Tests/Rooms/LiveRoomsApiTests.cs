using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Rooms;

/// <summary>GET /api/rooms/live against a real influxd holding points written as the collector writes them.</summary>
public sealed class LiveRoomsApiTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task GetLive_PointsWritten_ReturnsLastValuesPerRoom()
    {
        var db = NewDatabase();
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var now = DateTimeOffset.UtcNow;
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            InfluxTestData.StreamPoint("demo", "room-1", 1280, 720, 25, 1_000_000, true, now.AddSeconds(-4)),
            InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, 29.97, 4_620_000, true, now.AddSeconds(-1)),
            InfluxTestData.StreamPoint("demo", "room-2", 1280, 720, 30, 2_500_000, true, now.AddSeconds(-2)),
            InfluxTestData.StreamPoint("north", "room-1", 1920, 1080, 30, 4_000_000, false, now.AddSeconds(-1)));

        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);
        var body = await client.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);

        Assert.NotNull(body);
        Assert.Equal(["demo/room-1", "demo/room-2", "north/room-1"], body.Rooms.Select(r => $"{r.Site}/{r.Room}"));
        var room1 = body.Rooms[0];
        Assert.Equal(1920, room1.Width);
        Assert.Equal(1080, room1.Height);
        Assert.Equal(29.97, room1.Fps);
        Assert.Equal(4_620_000, room1.BitrateBps);
        Assert.True(room1.Up);
        Assert.False(room1.Stale);
        Assert.InRange(room1.AgeSeconds!.Value, 0, 15);
        Assert.True(room1.MeetsStandard);
        Assert.False(body.Rooms[1].MeetsResolution);
        Assert.True(body.Rooms[1].MeetsFrameRate);
        Assert.False(body.Rooms[2].Up);
        Assert.False(body.Rooms[2].MeetsStandard);
    }

    [Fact]
    public async Task GetLive_OnlyOldPointInWindow_MarksRoomStale()
    {
        var db = NewDatabase();
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            InfluxTestData.StreamPoint("demo", "room-9", 1920, 1080, 30, 4_500_000, true, DateTimeOffset.UtcNow.AddSeconds(-40)));

        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);
        var body = await client.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);

        var room = Assert.Single(body!.Rooms);
        Assert.True(room.Stale);
        Assert.False(room.MeetsStandard);
        Assert.InRange(room.AgeSeconds!.Value, 30, 60);
    }

    [Fact]
    public async Task GetLive_DatabaseNotCreatedYet_ReturnsNoRooms()
    {
        using var factory = Factory(NewDatabase());
        using var client = await ViewerAsync(factory);
        var body = await client.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);

        Assert.NotNull(body);
        Assert.Empty(body.Rooms);
    }

    [Fact]
    public async Task GetLive_InfluxUnreachable_Returns503NamingInflux()
    {
        var closedPort = FreePortHelper.Closed();
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{closedPort}" });
        using var client = await ViewerAsync(factory);

        using var response = await client.GetAsync(new Uri("/api/rooms/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("unreachable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_Running_ReturnsOk()
    {
        using var factory = Factory(NewDatabase());
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Contains("\"ok\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_Requested_ServesRoomWallPage()
    {
        using var factory = Factory(NewDatabase());
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var js = await client.GetStringAsync(new Uri("/app.js", UriKind.Relative));

        Assert.Contains("<script type=\"module\" src=\"app.js\">", html, StringComparison.Ordinal);
        Assert.Contains("api/rooms/live/events", js, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLive_UserScopedToSite_SeesOnlyThatSite()
    {
        var db = await InfluxTestData.TwoSitesAsync(influx.Server.BaseUri);
        using var factory = Factory(db);
        factory.CreateUser("north-tech", ["technician"], ["north"]);
        using var client = await factory.SignedInAsync("north-tech");

        var body = await client.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);

        Assert.Equal(["north/room-1"], body!.Rooms.Select(r => $"{r.Site}/{r.Room}"));
    }

    [Fact]
    public async Task GetLive_ConditionStartedNotRecovered_ListedAsActiveAlert()
    {
        var db = NewDatabase();
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var now = DateTimeOffset.UtcNow;
        string Event(string type, bool active, string message, DateTimeOffset at) => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"event,room=room-1,site=demo,type={type} active={(active ? "true" : "false")},message=\"{message}\" {at.ToUnixTimeMilliseconds()}");
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, 30, 4_500_000, true, now.AddSeconds(-1)),
            Event("frozen", true, "picture frozen", now.AddSeconds(-30)),
            Event("black", true, "picture black", now.AddSeconds(-50)),
            Event("black", false, "picture back", now.AddSeconds(-20)));
        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);

        var body = await client.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);

        var alert = Assert.Single(body!.Alerts!);
        Assert.Equal(("demo", "room-1", "frozen", "picture frozen"), (alert.Site, alert.Room, alert.Type, alert.Message));
        Assert.Equal(now.AddSeconds(-30).ToUnixTimeMilliseconds(), alert.Since!.Value.ToUnixTimeMilliseconds());
    }

    private static async Task<HttpClient> ViewerAsync(DashboardFactory factory)
    {
        factory.CreateUser("viewer", ["on-call"]);
        return await factory.SignedInAsync("viewer");
    }

    private static string NewDatabase() => "t" + Guid.NewGuid().ToString("N")[..12];

    private DashboardFactory Factory(string database) => new(new Dictionary<string, string?>
    {
        ["Dashboard:Influx:Url"] = influx.Server.BaseUri.ToString(),
        ["Dashboard:Influx:Database"] = database,
    });
}
