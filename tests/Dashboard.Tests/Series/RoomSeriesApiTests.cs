using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Dashboard.Series;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiveRoom.Dashboard.Tests.Series;

/// <summary>GET /api/rooms/{site}/{room}/series against a real influxd: downsampled, raw and rollup, and bad input.</summary>
public sealed class RoomSeriesApiTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task GetSeries_TwoHoursAtOnePointPerSecond_ReturnsAtMostWidthBucketsWithMeans()
    {
        var (db, end) = await SeedTwoHoursAsync();
        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);

        var body = await client.GetFromJsonAsync<RoomSeriesResponse>(SeriesUri(end.AddHours(-2), end, 100), Json);

        Assert.Equal(120, body!.IntervalSeconds);
        Assert.Equal("raw", body.Source);
        var fps = body.Panels.Single(p => p.Id == "fps");
        Assert.Null(fps.Error);
        Assert.InRange(fps.Times.Count, 55, 100);
        Assert.All(fps.Series[0].Values, v => Assert.InRange(v!.Value, 29.9, 30.1));
        Assert.All(fps.Series[1].Values, v => Assert.InRange(v!.Value, 29.0, 30.1));
        Assert.Contains(fps.Series[1].Values, v => v == 29.0);
        var cpu = body.Panels.Single(p => p.Id == "cpu");
        Assert.Empty(cpu.Times);
        Assert.Null(cpu.Error);
    }

    [Fact]
    public async Task GetSeries_AfterRollupCreated_ReadsRollupWithSameMeans()
    {
        var (db, end) = await SeedTwoHoursAsync();
        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);
        var rollup = factory.Services.GetServices<IHostedService>().OfType<RollupMaintainer>().Single();

        Assert.True(await rollup.EnsureAsync(CancellationToken.None));
        var body = await client.GetFromJsonAsync<RoomSeriesResponse>(SeriesUri(end.AddHours(-2), end, 100), Json);

        Assert.Equal("rollup", body!.Source);
        Assert.All(body.Panels.Single(p => p.Id == "bitrate").Series[0].Values, v => Assert.Equal(4_500_000, v));
        var fps = body.Panels.Single(p => p.Id == "fps");
        Assert.InRange(fps.Times.Count, 55, 100);
        Assert.All(fps.Series[0].Values, v => Assert.InRange(v!.Value, 29.9, 30.1));
        Assert.Contains(fps.Series[1].Values, v => v == 29.0);
    }

    [Fact]
    public async Task GetSeries_TwentyMinutesWithoutPoints_ChartBreaksThereInsteadOfDrawingAcross()
    {
        // The stream was not measured from 1 h to 1 h 20 min into the two hours (an edge off, a stream down).
        var (db, end) = await SeedTwoHoursAsync(s => s is >= 3600 and < 4800);
        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);

        var body = await client.GetFromJsonAsync<RoomSeriesResponse>(SeriesUri(end.AddHours(-2), end, 100), Json);

        var fps = body!.Panels.Single(p => p.Id == "fps");
        var breaks = Enumerable.Range(0, fps.Times.Count).Where(i => fps.Series[0].Values[i] is null).ToList();
        var hole = (end.AddHours(-1).ToUnixTimeMilliseconds(), end.AddMinutes(-40).ToUnixTimeMilliseconds());
        var only = Assert.Single(breaks);
        Assert.InRange(fps.Times[only], hole.Item1, hole.Item2);
        Assert.All(fps.Series, line => Assert.Null(line.Values[only]));
        Assert.Equal(fps.Times.Order(), fps.Times);
    }

    [Fact]
    public void BreakGaps_SeriesSlowerThanItsBuckets_NotBrokenAtEveryBucket()
    {
        // Uplink measured every 10 s, read in 5 s buckets: every other bucket is empty, which is its rhythm, not a gap.
        var times = Enumerable.Range(0, 30).Select(i => i * 10_000L).ToList();
        List<List<double?>> values = [[.. times.Select(_ => (double?)5e6)]];

        RoomSeriesQuery.BreakGaps(times, values, TimeSpan.FromSeconds(5));

        Assert.Equal(30, times.Count);
        Assert.DoesNotContain(null, values[0]);

        // Two minutes without a measurement is a gap in that rhythm.
        times = [.. Enumerable.Range(0, 10).Select(i => i * 10_000L), .. Enumerable.Range(0, 10).Select(i => 220_000 + (i * 10_000L))];
        values = [[.. times.Select(_ => (double?)5e6)]];

        RoomSeriesQuery.BreakGaps(times, values, TimeSpan.FromSeconds(5));

        Assert.Equal(21, times.Count);
        Assert.Equal((95_000L, (double?)null), (times[10], values[0][10]));
    }

    [Fact]
    public async Task GetSeries_EventsInRange_ReturnedNewestFirstForMarkers()
    {
        var (db, end) = await SeedTwoHoursAsync();
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            string.Create(CultureInfo.InvariantCulture, $"event,room=room-1,site=demo,type=freeze message=\"<b>frozen</b>\" {end.AddMinutes(-30).ToUnixTimeMilliseconds()}"),
            string.Create(CultureInfo.InvariantCulture, $"event,room=room-1,site=demo,type=stream_down active=false,duration_s=12.5,message=\"down\" {end.AddMinutes(-10).ToUnixTimeMilliseconds()}"),
            string.Create(CultureInfo.InvariantCulture, $"event,room=room-2,site=demo,type=freeze message=\"other room\" {end.AddMinutes(-10).ToUnixTimeMilliseconds()}"));
        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);

        var body = await client.GetFromJsonAsync<RoomSeriesResponse>(SeriesUri(end.AddHours(-1), end, 500), Json);

        Assert.Equal([("stream_down", "down"), ("freeze", "<b>frozen</b>")], body!.Events.Select(e => (e.Type, e.Message)));
        Assert.Equal(end.AddMinutes(-10).ToUnixTimeMilliseconds(), body.Events[0].Time);

        // A condition's end says how long it lasted; a one-off event has neither (the pages word them: event-words.js).
        Assert.Equal([(false, 12.5), (null, null)], body.Events.Select(e => (e.Active, e.DurationSeconds)));
    }

    [Fact]
    public async Task GetSeries_UnknownRoom_Returns404()
    {
        var (db, end) = await SeedTwoHoursAsync();
        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);

        using var response = await client.GetAsync(new Uri($"/api/rooms/demo/room-404/series?from={end.AddHours(-1).ToUnixTimeMilliseconds()}&to={end.ToUnixTimeMilliseconds()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("from=2020-01-01T00:00:00Z&to=2025-01-01T00:00:00Z", "at most 400 days")]
    [InlineData("from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z", "future")]
    [InlineData("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "reversed")]
    [InlineData("from=yesterday&to=today", "required")]
    public async Task GetSeries_BadRange_Returns400NamingWhy(string query, string reason)
    {
        var (db, _) = await SeedTwoHoursAsync();
        using var factory = Factory(db);
        using var client = await ViewerAsync(factory);

        using var response = await client.GetAsync(new Uri("/api/rooms/demo/room-1/series?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSeries_InfluxDown_PanelsSayWhyAndAnswerIsStillOk()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" });
        using var client = await ViewerAsync(factory);
        var now = DateTimeOffset.UtcNow;

        var body = await client.GetFromJsonAsync<RoomSeriesResponse>(SeriesUri(now.AddHours(-1), now, 500), Json);

        Assert.All(body!.Panels, p => Assert.Contains("unreachable", p.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSeries_UserOfAnotherSite_Returns404()
    {
        var (db, end) = await SeedTwoHoursAsync();
        using var factory = Factory(db);
        factory.CreateUser("north", ["technician"], ["north"]);
        using var client = await factory.SignedInAsync("north");

        using var response = await client.GetAsync(new Uri(SeriesUri(end.AddHours(-1), end, 100), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string SeriesUri(DateTimeOffset from, DateTimeOffset to, int width) => string.Create(
        CultureInfo.InvariantCulture,
        $"/api/rooms/demo/room-1/series?from={from.ToUnixTimeMilliseconds()}&to={to.ToUnixTimeMilliseconds()}&width={width}");

    /// <summary>Two hours of stream points at 1/s for demo/room-1, ending at a whole minute; fps 30 with one dip to 29 per 10 min.</summary>
    private async Task<(string Database, DateTimeOffset End)> SeedTwoHoursAsync(Func<int, bool>? hole = null)
    {
        var db = "t" + Guid.NewGuid().ToString("N")[..12];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var end = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);
        var start = end.AddHours(-2);
        var lines = new List<string>(7200);
        for (var s = 0; s < 7200; s++)
        {
            if (hole?.Invoke(s) == true)
            {
                continue;
            }

            var fps = s % 600 == 0 ? 29.0 : 30.0;
            lines.Add(InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, fps, 4_500_000, true, start.AddSeconds(s)));
        }

        await InfluxTestData.WriteAsync(influx.Server.BaseUri, db, [.. lines]);
        return (db, end);
    }

    private static async Task<HttpClient> ViewerAsync(DashboardFactory factory)
    {
        factory.CreateUser("viewer", ["technician"]);
        return await factory.SignedInAsync("viewer");
    }

    private DashboardFactory Factory(string database) => new(new Dictionary<string, string?>
    {
        ["Dashboard:Influx:Url"] = influx.Server.BaseUri.ToString(),
        ["Dashboard:Influx:Database"] = database,

        // The tests create the rollup themselves when they want it, so what is read is certain.
        ["Dashboard:Influx:Rollup"] = "false",
    });
}
