using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Reports;
using LiveRoom.Dashboard.Series;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Tests.Series;

/// <summary>
/// Points stored hours late (an edge's outbox replaying after a long cut, the collector's spill drained after an
/// InfluxDB outage) are past the continuous query's 10 minutes; the maintainer rolls the last 26 h up again every hour.
/// </summary>
public sealed class RollupMaintainerTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task PointsStoredThreeHoursLate_ReachTheRollupWithinTheHour()
    {
        var db = "t" + Guid.NewGuid().ToString("N")[..12];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);
        var time = new FakeTimeProvider(now);
        // room-1 reported the last 4 hours, so the report reads the rollup.
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            [.. Enumerable.Range(0, 4 * 3600).Select(s => InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, 30, 5_000_000, true, now.AddHours(-4).AddSeconds(s)))]);
        using var factory = Factory(db, time);
        var maintainer = factory.Services.GetServices<IHostedService>().OfType<RollupMaintainer>().Single();
        factory.CreateUser("boss", ["manager"]);
        Assert.True(await maintainer.MaintainAsync(CancellationToken.None)); // creates the rollup and backfills

        // room-2's edge was off the network: its outbox delivers half an hour from 3 hours ago only now.
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            [.. Enumerable.Range(0, 1800).Select(s => InfluxTestData.StreamPoint("demo", "room-2", 1280, 720, 30, 5_000_000, true, now.AddHours(-3).AddSeconds(s)))]);
        var uri = string.Create(CultureInfo.InvariantCulture, $"/api/reports/compliance?from={now.AddHours(-4).ToUnixTimeMilliseconds()}&to={now.AddHours(-2).ToUnixTimeMilliseconds()}");

        time.Advance(TimeSpan.FromMinutes(50));
        Assert.True(await maintainer.MaintainAsync(CancellationToken.None));
        using var client = await factory.SignedInAsync("boss"); // signed in after the clock moved: sessions time out
        var before = await client.GetFromJsonAsync<ComplianceReport>(uri, Json);
        Assert.Equal("rollup", before!.Source);
        Assert.DoesNotContain(before.Rooms, r => r.Room == "room-2");

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await maintainer.MaintainAsync(CancellationToken.None));
        using var later = await factory.SignedInAsync("boss");
        var after = await later.GetFromJsonAsync<ComplianceReport>(uri, Json);

        Assert.Equal("rollup", after!.Source);
        var room2 = after.Rooms.Single(r => r.Room == "room-2");
        Assert.Equal(30, room2.ReportedMinutes, 0.1);
        Assert.Equal(0, room2.PercentAt1080p30!.Value, 0.1);
        Assert.Equal(120, after.Rooms.Single(r => r.Room == "room-1").ReportedMinutes, 0.1);
        // Only the late room's hours were recomputed, and once done nothing is missing any more.
        Assert.Equal(0, await maintainer.RollLateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PointsStoredFiveDaysLate_ReachTheRollupWithinTheDay()
    {
        var db = "t" + Guid.NewGuid().ToString("N")[..12];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 3600 * 3600);
        var time = new FakeTimeProvider(now);
        using var factory = Factory(db, time);
        var maintainer = factory.Services.GetServices<IHostedService>().OfType<RollupMaintainer>().Single();
        Assert.True(await maintainer.MaintainAsync(CancellationToken.None));

        // room-1's edge was cut off for a week; its outbox now delivers an hour from 5 days ago.
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            [.. Enumerable.Range(0, 3600).Select(s => InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, 30, 5_000_000, true, now.AddDays(-5).AddSeconds(s)))]);

        // The hourly rounds look back 26 h: the hour stays raw only for the rest of the day.
        for (var hour = 1; hour < 24; hour++)
        {
            time.Advance(TimeSpan.FromHours(1));
            Assert.True(await maintainer.MaintainAsync(CancellationToken.None));
        }

        Assert.Equal(0, await RolledMinutesAsync(factory, "room-1"));

        // The daily round looks back two weeks.
        time.Advance(TimeSpan.FromHours(1));
        Assert.True(await maintainer.MaintainAsync(CancellationToken.None));
        Assert.Equal(60, await RolledMinutesAsync(factory, "room-1"));
        Assert.Equal(0, await maintainer.RollLateAsync(CancellationToken.None, RollupMaintainer.LateDeepDepth));
    }

    [Fact]
    public async Task RollLate_FindsOnlyTheRoomHoursThatMissMinutes()
    {
        var db = "t" + Guid.NewGuid().ToString("N")[..12];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 3600 * 3600);
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            [.. Enumerable.Range(0, 3 * 3600).Select(s => InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, 30, 5_000_000, true, now.AddHours(-4).AddSeconds(s)))]);
        using var factory = Factory(db, new FakeTimeProvider(now));
        var maintainer = factory.Services.GetServices<IHostedService>().OfType<RollupMaintainer>().Single();
        Assert.True(await maintainer.EnsureAsync(CancellationToken.None));
        Assert.Equal(0, await maintainer.RollLateAsync(CancellationToken.None));

        // Late: 5 minutes of room-1 between points it had, in minutes the rollup holds (those minutes are counted
        // already, so they are left: the known limit), and 2 minutes of room-2, which the rollup has never seen.
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            [
                .. Enumerable.Range(0, 300).Select(s => InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, 30, 5_000_000, true, now.AddHours(-3).AddMinutes(20).AddSeconds(s).AddMilliseconds(500))),
                .. Enumerable.Range(0, 120).Select(s => InfluxTestData.StreamPoint("demo", "room-2", 1920, 1080, 30, 5_000_000, true, now.AddHours(-2).AddMinutes(5).AddSeconds(s))),
            ]);
        Assert.Equal(1, await maintainer.RollLateAsync(CancellationToken.None));

        // A whole hour missing from the rollup: room-3's edge replays the hour before the last.
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            [.. Enumerable.Range(0, 3600).Select(s => InfluxTestData.StreamPoint("demo", "room-3", 1920, 1080, 30, 5_000_000, true, now.AddHours(-2).AddSeconds(s)))]);
        Assert.Equal(1, await maintainer.RollLateAsync(CancellationToken.None));
        Assert.Equal(0, await maintainer.RollLateAsync(CancellationToken.None));
    }

    /// <summary>How many minutes of a room's stream the rollup holds.</summary>
    private static async Task<long> RolledMinutesAsync(DashboardFactory factory, string room)
    {
        var options = factory.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.Influx;
        var results = await factory.Services.GetRequiredService<InfluxQueryClient>().QueryAsync(
            $"SELECT count(\"min_seq\") FROM \"{RollupMaintainer.RetentionPolicy(options)}\".\"stream\" WHERE \"room\" = '{room}'",
            CancellationToken.None);
        var series = results.Single().Series;
        return series.Count == 0 ? 0 : (long)InfluxValue.AsDouble(series[0].Values[0][1])!.Value;
    }

    [Fact]
    public async Task RollupMadeBeforeItCountedSeconds_QueryReplacedAndRecomputed()
    {
        var db = "t" + Guid.NewGuid().ToString("N")[..12];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var hour = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds() / 3600 * 3600);
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            [.. Enumerable.Range(0, 3600).Select(s => InfluxTestData.StreamPoint("demo", "room-1", 1920, 1080, 30, 5_000_000, true, hour.AddSeconds(s)))]);
        using var factory = Factory(db, TimeProvider.System);
        var client = factory.Services.GetRequiredService<InfluxQueryClient>();
        // As the dashboard made it until 2026-11-23: mean, min and max only, already backfilled.
        var old = $"SELECT mean(*), min(*), max(*) INTO \"{db}\".\"liveroom_1m\".:MEASUREMENT FROM \"{db}\".\"liveroom\"./^(stream|network|audio|vision|host)$/";
        await client.ExecuteAsync($"CREATE RETENTION POLICY \"liveroom_1m\" ON \"{db}\" DURATION 400d REPLICATION 1", CancellationToken.None);
        await client.ExecuteAsync($"CREATE CONTINUOUS QUERY \"{RollupMaintainer.QueryName}\" ON \"{db}\" RESAMPLE EVERY 1m FOR 10m BEGIN {old} GROUP BY time(1m), * END", CancellationToken.None);
        await client.ExecuteAsync($"{old} WHERE time >= {hour.ToUnixTimeMilliseconds()}ms AND time < {hour.AddHours(1).ToUnixTimeMilliseconds()}ms GROUP BY time(1m), *", CancellationToken.None);
        Assert.Equal(0, await SecondsAsync(client));

        Assert.True(await factory.Services.GetServices<IHostedService>().OfType<RollupMaintainer>().Single().EnsureAsync(CancellationToken.None));

        var queries = await client.QueryAsync("SHOW CONTINUOUS QUERIES", CancellationToken.None);
        var query = queries[0].Series.Single(q => q.Name == db).Values.Single()[1].GetString();
        Assert.Contains("count(*)", query, StringComparison.Ordinal);
        Assert.Equal(3600, await SecondsAsync(client));

        static async Task<double> SecondsAsync(InfluxQueryClient client)
        {
            var results = await client.QueryAsync("SELECT sum(\"count_seq\") FROM \"liveroom_1m\".\"stream\"", CancellationToken.None);
            return results.Single().Series.Count == 0 ? 0 : InfluxValue.AsDouble(results.Single().Series[0].Values[0][1]) ?? 0;
        }
    }

    /// <summary>A dashboard on <paramref name="db"/> whose rollup upkeep does not run by itself: the tests run its rounds.</summary>
    private DashboardFactory Factory(string db, TimeProvider time) => new(
        new Dictionary<string, string?>
        {
            ["Dashboard:Influx:Url"] = influx.Server.BaseUri.ToString(),
            ["Dashboard:Influx:Database"] = db,
            ["Dashboard:Influx:Rollup"] = "false",
        },
        time);
}
