using System.Globalization;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Series;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Dashboard.Tests.Series;

/// <summary>
/// <c>liveroom-dashboard rollup</c> against a real influxd: points stored three weeks late (past the dashboard's own
/// 14-day check) reach the rollup when an operator runs it; <c>--all</c> also takes in points stored late into minutes
/// the rollup already had; bad arguments and a database without a rollup are refused with the reason.
/// </summary>
public sealed class RollupCommandTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task PointsStoredThreeWeeksLate_RolledUpByTheCommand_OnlyTheRoomHoursMissingMinutes()
    {
        var db = await RolledUpDatabaseAsync();
        var hour = InfluxQl.Truncate(DateTimeOffset.UtcNow.AddDays(-20), TimeSpan.FromHours(1));
        await InfluxTestData.WriteAsync(influx.Server.BaseUri, db, Hour("room-9", hour, height: 1080));

        var (code, stdout, stderr) = await RunAsync(db, "--from", Iso(hour.AddDays(-1)), "--to", Iso(hour.AddDays(1)));

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Equal(
            $"rolled up 1 room-hour(s) of [{hour.AddDays(-1):yyyy-MM-ddTHH:mm:ss}Z, {hour.AddDays(1):yyyy-MM-ddTHH:mm:ss}Z) that missed minutes: demo/room-9 {hour:yyyy-MM-ddTHH:mm}Z",
            stdout.Trim());
        Assert.Equal((60, 1080.0), await RolledAsync(db, "room-9"));

        (code, stdout, _) = await RunAsync(db, "--from", Iso(hour.AddDays(-1)), "--to", Iso(hour.AddDays(1)));
        Assert.Equal(0, code);
        Assert.StartsWith("nothing missing: ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_PointsStoredLateIntoMinutesAlreadyRolledUp_Recomputed()
    {
        var db = await RolledUpDatabaseAsync();
        var hour = InfluxQl.Truncate(DateTimeOffset.UtcNow.AddDays(-3), TimeSpan.FromHours(1));
        await InfluxTestData.WriteAsync(influx.Server.BaseUri, db, Hour("room-9", hour, height: 1080));
        Assert.Equal(0, (await RunAsync(db, "--from", Iso(hour), "--to", Iso(hour.AddHours(1)))).Code);

        // The same seconds again, as the edge measured them after all (a corrected replay): 720p. Every minute is in the
        // rollup already, so the check finds nothing missing; --all recomputes them.
        await InfluxTestData.WriteAsync(influx.Server.BaseUri, db, Hour("room-9", hour, height: 720));
        Assert.StartsWith("nothing missing: ", (await RunAsync(db, "--from", Iso(hour), "--to", Iso(hour.AddHours(1)))).Stdout, StringComparison.Ordinal);
        Assert.Equal((60, 1080.0), await RolledAsync(db, "room-9"));

        var (code, stdout, _) = await RunAsync(db, "--from", Iso(hour), "--to", Iso(hour.AddHours(1)), "--all");

        Assert.Equal(0, code);
        Assert.StartsWith("recomputed the 1-minute rollup of [", stdout, StringComparison.Ordinal);
        Assert.Equal((60, 720.0), await RolledAsync(db, "room-9"));
    }

    [Theory]
    [InlineData("--to 2026-10-02", 2, "liveroom-dashboard: --from is missing. usage: liveroom-dashboard rollup")]
    [InlineData("--from 2026-10-02 --to 2026-10-01", 2, "liveroom-dashboard: --from must be before --to. usage:")]
    [InlineData("--from yesterday --to 2026-10-01", 2, "liveroom-dashboard: --from needs a time such as 2026-10-01 or 2026-10-01T08:00:00+08:00 (got 'yesterday'). usage:")]
    [InlineData("--from 2026-10-01 --to 2026-10-02 --everything", 2, "liveroom-dashboard: unknown argument '--everything'. usage:")]
    [InlineData("--from 2026-10-01 --to 2026-10-02 --Dashboard:Influx:Url=ftp://x", 2, "liveroom-dashboard: configuration error: Dashboard:Influx:Url 'ftp://x' is not an absolute http:// or https:// URL, e.g. http://127.0.0.1:8086")]
    [InlineData("--from 2026-10-01 --to 2026-10-02 --Dashboard:Influx:Url=http://admin:secret@127.0.0.1:8086", 2, "liveroom-dashboard: configuration error: Dashboard:Influx:Url must not carry credentials; use Dashboard:Influx:Username and Dashboard:Influx:Password")]
    [InlineData("--from 2026-10-01 --to 2026-10-02 --Dashboard:Influx:Database=live\"room", 2, "liveroom-dashboard: configuration error: Dashboard:Influx:Database 'live\"room' must be 1-64 letters, digits, '-', '_' or '.'")]
    public async Task BadArguments_RefusedWithTheReasonAndUsage(string arguments, int expected, string message)
    {
        var split = arguments.Split(' ');
        var database = split.FirstOrDefault(a => a.StartsWith("--Dashboard:Influx:Database=", StringComparison.Ordinal))?.Split('=', 2)[1] ?? "liveroom";
        var (code, stdout, stderr) = await RunAsync(database, [.. split.Where(a => !a.StartsWith("--Dashboard:Influx:Database=", StringComparison.Ordinal))]);

        Assert.Equal(expected, code);
        Assert.Empty(stdout);
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseWithoutRollup_OrInfluxUnreachable_FailsSayingWhy()
    {
        var db = "t" + Guid.NewGuid().ToString("N")[..12];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);

        var (code, _, stderr) = await RunAsync(db, "--from", "2026-10-01", "--to", "2026-10-02");
        Assert.Equal(1, code);
        Assert.Equal($"liveroom-dashboard: rollup failed: database '{db}' has no rollup ('liveroom_1m'): the dashboard creates it when it first starts with Dashboard:Influx:Rollup on", stderr.Trim());

        var port = FreePort.Next();
        (code, _, stderr) = await RunAsync(db, "--from", "2026-10-01", "--to", "2026-10-02", $"--Dashboard:Influx:Url=http://127.0.0.1:{port}");
        Assert.Equal(1, code);
        Assert.StartsWith($"liveroom-dashboard: rollup failed: InfluxDB at http://127.0.0.1:{port}/ is unreachable: ", stderr, StringComparison.Ordinal);
    }

    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string[] Hour(string room, DateTimeOffset start, int height) =>
        [.. Enumerable.Range(0, 3600).Select(s => InfluxTestData.StreamPoint("demo", room, height * 16 / 9, height, 30, 5_000_000, true, start.AddSeconds(s)))];

    // A database with the rollup in place, as a dashboard leaves it after its first start.
    private async Task<string> RolledUpDatabaseAsync()
    {
        var db = "t" + Guid.NewGuid().ToString("N")[..12];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var options = Options(db);
        using var http = new HttpClient { BaseAddress = influx.Server.BaseUri };
        using var maintainer = new RollupMaintainer(new InfluxQueryClient(http, options), options, TimeProvider.System, NullLogger<RollupMaintainer>.Instance);
        Assert.True(await maintainer.EnsureAsync(CancellationToken.None));
        return db;
    }

    private static Microsoft.Extensions.Options.IOptions<DashboardOptions> Options(string db) =>
        Microsoft.Extensions.Options.Options.Create(new DashboardOptions { Influx = new InfluxOptions { Database = db } });

    // Minutes of the room in the rollup and the lowest height they hold.
    private async Task<(long Minutes, double MinHeight)> RolledAsync(string db, string room)
    {
        var options = Options(db);
        using var http = new HttpClient { BaseAddress = influx.Server.BaseUri };
        var results = await new InfluxQueryClient(http, options).QueryAsync(
            $"SELECT count(\"min_seq\"), min(\"min_height\") FROM \"{RollupMaintainer.RetentionPolicy(options.Value.Influx)}\".\"stream\" WHERE \"room\" = '{room}'",
            CancellationToken.None);
        var row = results.Single().Series.Single().Values[0];
        return ((long)InfluxValue.AsDouble(row[1])!.Value, InfluxValue.AsDouble(row[2])!.Value);
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string db, params string[] arguments)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await RollupCommand.RunAsync(
            ["rollup", .. arguments, $"--Dashboard:Influx:Database={db}", .. arguments.Any(a => a.StartsWith("--Dashboard:Influx:Url=", StringComparison.Ordinal)) ? Array.Empty<string>() : [$"--Dashboard:Influx:Url={influx.Server.BaseUri}"]],
            stdout,
            stderr,
            TimeProvider.System,
            CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
