using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Rooms;

/// <summary>
/// The room wall's data is read once per push interval for every wall screen and browser (<see cref="LiveRoomsSnapshot"/>),
/// against a real influxd, with the dashboard's requests to it counted as they leave its HTTP client and a fake clock
/// driving the push interval.
/// </summary>
[FailOnUnobservedTaskException]
public sealed class LiveRoomsSnapshotTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan Interval = DashboardDefaults.LivePushInterval;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly InfluxTraffic _traffic = new();

    [Fact]
    public async Task LiveEvents_FiveWallsOverSeveralIntervals_OneWallQueryPerInterval()
    {
        const int intervals = 3;
        using var root = Root(await InfluxTestData.TwoSitesAsync(influx.Server.BaseUri), influx.Server.BaseUri);
        var app = Start(root);
        app.CreateUser("viewer", ["on-call"]);
        var streams = new List<WallStream>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                streams.Add(new WallStream(await app.SignedInAsync("viewer"), $"wall-{i}"));
            }

            foreach (var wall in streams)
            {
                Assert.Equal(["demo/room-1", "north/room-1"], Rooms(await wall.NextAsync()));
            }

            // All five asked at the same instant: one refresh served them all.
            Assert.Equal(1, _traffic.WallQueries);

            var advances = await RunIntervalsAsync(streams, intervals);
            foreach (var wall in streams)
            {
                for (var i = 0; i < intervals; i++)
                {
                    Assert.Equal(["demo/room-1", "north/room-1"], Rooms(await wall.NextAsync()));
                }
            }

            // At most one refresh per instant the clock stood at; a loop per wall would have sent one per event (20).
            Assert.InRange(_traffic.WallQueries, 1 + intervals, 1 + advances);
            Assert.True(
                _traffic.WallQueries < streams.Count * (1 + intervals),
                $"{_traffic.WallQueries} wall queries for {streams.Count} walls over {1 + intervals} pushes: one per wall, not one per interval");
        }
        finally
        {
            await DisconnectAllAsync(streams);
        }
    }

    [Fact]
    public async Task LiveEvents_WallDisconnectsMidRefresh_OthersGetThatRefresh()
    {
        using var root = Root(await InfluxTestData.TwoSitesAsync(influx.Server.BaseUri), influx.Server.BaseUri);
        var app = Start(root);
        app.CreateUser("viewer", ["on-call"]);
        var streams = new List<WallStream>();
        try
        {
            _traffic.Hold();
            var leaving = new WallStream(await app.SignedInAsync("viewer"), "leaving");
            streams.Add(leaving);
            await WithinAsync(_traffic.FirstHeld, "the refresh started by the first wall to reach InfluxDB");
            streams.Add(new WallStream(await app.SignedInAsync("viewer"), "staying-1"));
            streams.Add(new WallStream(await app.SignedInAsync("viewer"), "staying-2"));

            // The wall whose request started the refresh goes away while InfluxDB has not answered yet.
            await leaving.DisconnectAsync();
            _traffic.Release();

            var staying = streams.Skip(1).ToList();
            foreach (var wall in staying)
            {
                Assert.Equal(["demo/room-1", "north/room-1"], Rooms(await wall.NextAsync()));
            }

            Assert.Equal(0, leaving.Received);
            Assert.Equal(1, _traffic.WallQueries);
            Assert.Equal(0, _traffic.CancelledWallQueries);

            // And the stream goes on for them.
            await RunIntervalsAsync(staying, 1);
            foreach (var wall in staying)
            {
                Assert.Equal(["demo/room-1", "north/room-1"], Rooms(await wall.NextAsync()));
            }
        }
        finally
        {
            _traffic.Release();
            await DisconnectAllAsync(streams);
        }
    }

    [Fact]
    public async Task LiveEvents_InfluxOutageThenBack_EveryWallToldTheProblemWithoutRoomsThenRoomsAgain()
    {
        var db = await InfluxTestData.TwoSitesAsync(influx.Server.BaseUri);
        await using var relay = new TcpRelay(influx.Server.BaseUri.Port);
        using var root = Root(db, new Uri($"http://127.0.0.1:{relay.Port}/"));
        var app = Start(root);
        app.CreateUser("viewer", ["on-call"]);
        using var browser = await app.SignedInAsync("viewer");
        var streams = new List<WallStream>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                streams.Add(new WallStream(await app.SignedInAsync("viewer"), $"wall-{i}"));
            }

            foreach (var wall in streams)
            {
                Assert.Equal("rooms", (await wall.NextAsync()).EventType);
            }

            relay.Cut();
            var before = _traffic.WallQueries;
            var advances = await RunIntervalsAsync(streams, 2);
            foreach (var wall in streams)
            {
                for (var i = 0; i < 2; i++)
                {
                    // No rooms' figures, the failure named; what does not come from InfluxDB (states, shows, open alerts) still does.
                    var item = await wall.NextAsync();
                    Assert.Equal("rooms", item.EventType);
                    Assert.Empty(Rooms(item));
                    Assert.Contains("unreachable", JsonDocument.Parse(item.Data).RootElement.GetProperty("metricsProblem").GetString(), StringComparison.Ordinal);
                }

                // The collector's status still reaches the wall while InfluxDB is away (here: no MQTT link configured).
                Assert.Equal("off", JsonDocument.Parse(wall.Collector!).RootElement.GetProperty("state").GetString());
            }

            // Retried every interval (a failure is not kept), once for all walls.
            var tried = _traffic.WallQueries - before;
            Assert.InRange(tried, 2, advances);

            // The page's snapshot at the same instant is the same failure, as a 503, without asking InfluxDB again.
            using var snapshot = await browser.GetAsync(new Uri("/api/rooms/live", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, snapshot.StatusCode);
            Assert.Contains("unreachable", await snapshot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before + tried, _traffic.WallQueries);

            relay.Restore();
            await RunIntervalsAsync(streams, 1);
            foreach (var wall in streams)
            {
                Assert.Equal(["demo/room-1", "north/room-1"], Rooms(await wall.NextAsync()));
            }
        }
        finally
        {
            await DisconnectAllAsync(streams);
        }
    }

    [Fact]
    public async Task LiveEvents_SiteScopedUser_SeesOnlyTheirSitesOfTheSharedReading()
    {
        using var root = Root(await InfluxTestData.TwoSitesAsync(influx.Server.BaseUri), influx.Server.BaseUri);
        var app = Start(root);
        app.CreateUser("viewer", ["on-call"]);
        app.CreateUser("north-tech", ["on-call"], ["north"]);
        using var allClient = await app.SignedInAsync("viewer");
        using var northClient = await app.SignedInAsync("north-tech");
        var all = new WallStream(allClient, "all");
        var north = new WallStream(northClient, "north");
        var streams = new List<WallStream> { all, north };
        try
        {
            Assert.Equal(["demo/room-1", "north/room-1"], Rooms(await all.NextAsync()));
            Assert.Equal(["north/room-1"], Rooms(await north.NextAsync()));
            var advances = await RunIntervalsAsync(streams, 1);
            Assert.Equal(["demo/room-1", "north/room-1"], Rooms(await all.NextAsync()));
            Assert.Equal(["north/room-1"], Rooms(await north.NextAsync()));
            Assert.InRange(_traffic.WallQueries, 2, 1 + advances);

            // The snapshot at the same instant is the same reading, filtered per user.
            var queries = _traffic.WallQueries;
            var northSnapshot = await northClient.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);
            var allSnapshot = await allClient.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live", Json);
            Assert.Equal(["north/room-1"], northSnapshot!.Rooms.Select(r => $"{r.Site}/{r.Room}"));
            Assert.Equal(["demo/room-1", "north/room-1"], allSnapshot!.Rooms.Select(r => $"{r.Site}/{r.Room}"));
            Assert.Equal(queries, _traffic.WallQueries);

            // The page's first load (history) is read afresh, and filtered the same way.
            var first = await northClient.GetFromJsonAsync<LiveRoomsResponse>("/api/rooms/live?history=true", Json);
            Assert.Equal(["north/room-1"], first!.Rooms.Select(r => $"{r.Site}/{r.Room}"));
            Assert.Equal(["north/room-1"], first.History!.Select(h => $"{h.Site}/{h.Room}"));
            Assert.Equal(queries + 1, _traffic.WallQueries);
        }
        finally
        {
            await DisconnectAllAsync(streams);
        }
    }

    /// <summary>
    /// Moves the fake clock one push interval at a time until every wall has received <paramref name="count"/> more
    /// events; returns how many intervals that took. A wall that had not gone back to sleep when the clock moved answers
    /// at the next interval, so this can take more intervals than events (never a speed assertion: only pacing).
    /// </summary>
    private async Task<int> RunIntervalsAsync(IReadOnlyList<WallStream> streams, int count)
    {
        var targets = streams.Select(s => s.Received + count).ToArray();
        bool Behind(int i) => streams[i].Received < targets[i];
        var deadline = DateTime.UtcNow + WallStream.Wait;
        var advances = 0;
        while (Enumerable.Range(0, streams.Count).Any(Behind))
        {
            if (DateTime.UtcNow > deadline)
            {
                var late = Enumerable.Range(0, streams.Count).Where(Behind).Select(i => $"{streams[i].Name} ({streams[i].Received}/{targets[i]})");
                throw new TimeoutException($"after {advances} intervals, walls still waiting for events: {string.Join(", ", late)}");
            }

            var before = streams.Select(s => s.Received).ToArray();
            _time.Advance(Interval);
            advances++;
            var step = DateTime.UtcNow + TimeSpan.FromSeconds(1);
            while (DateTime.UtcNow < step && Enumerable.Range(0, streams.Count).Any(i => Behind(i) && streams[i].Received == before[i]))
            {
                await Task.Delay(10);
            }
        }

        return advances;
    }

    private static IReadOnlyList<string> Rooms(SseItem<string> item)
    {
        Assert.True(item.EventType == "rooms", $"expected a rooms event, got {item.EventType}: {item.Data}");
        var body = JsonSerializer.Deserialize<LiveRoomsResponse>(item.Data, Json)!;
        return body.Rooms.Select(r => $"{r.Site}/{r.Room}").ToList();
    }

    private static async Task WithinAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(WallStream.Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out after {WallStream.Wait.TotalSeconds} s waiting for {what}");
        }
    }

    private static async Task DisconnectAllAsync(IEnumerable<WallStream> streams)
    {
        foreach (var wall in streams)
        {
            await wall.DisposeAsync();
        }
    }

    private DashboardFactory Root(string database, Uri influxUrl) => new(
        new Dictionary<string, string?>
        {
            ["Dashboard:Influx:Url"] = influxUrl.ToString(),
            ["Dashboard:Influx:Database"] = database,
            ["Dashboard:Influx:Rollup"] = "false",
        },
        _time);

    /// <summary>The dashboard with <see cref="_traffic"/> in front of InfluxDB (the root factory disposes it).</summary>
    private WebApplicationFactory<Program> Start(DashboardFactory root)
    {
        var app = root.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddHttpClient(nameof(InfluxQueryClient)).AddHttpMessageHandler(_traffic.CreateHandler)));
        _traffic.WallQuery = app.Services.GetRequiredService<LiveRoomsQuery>().BuildNewestQuery();
        return app;
    }
}
