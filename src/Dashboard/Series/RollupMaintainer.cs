using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Series;

/// <summary>
/// Keeps a 1-minute rollup of the panels' measurements in retention policy <c>{rp}_1m</c>: one InfluxDB continuous
/// query (<c>mean(*), min(*), max(*)</c> per minute, recomputing the last 10 minutes each minute for late points
/// from an edge's outbox), and on first creation a backfill of what is already stored. 90 days of 1 point/s become
/// 129,600 points per field, which a 90-day chart reads in milliseconds (docs/decisions/0007-dashboard.md).
/// Points stored later than that (an edge's replay after an hour off the network, the collector's spill drained
/// after an InfluxDB outage) are found by counting minutes, every <see cref="LateEvery"/> over the last
/// <see cref="LateDepth"/> and every <see cref="LateDeepEvery"/> over <see cref="LateDeepDepth"/>, and only those
/// room-hours are rolled up again (<see cref="RollLateAsync"/>).
/// Runs until it succeeds (the collector creates the database on its first start), then rechecks now and then.
/// </summary>
internal sealed partial class RollupMaintainer(InfluxQueryClient influx, IOptions<DashboardOptions> options, TimeProvider time, ILogger<RollupMaintainer> logger)
    : BackgroundService
{
    public const string QueryName = "liveroom_rollup_1m";

    /// <summary>How far back the first backfill reaches: the default retention, 90 days.</summary>
    public static readonly TimeSpan BackfillDepth = TimeSpan.FromDays(90);

    /// <summary>How often the last <see cref="LateDepth"/> is checked for points stored late.</summary>
    public static readonly TimeSpan LateEvery = TimeSpan.FromHours(1);

    /// <summary>How far back the hourly check looks: a day and some.</summary>
    public static readonly TimeSpan LateDepth = TimeSpan.FromHours(26);

    /// <summary>How often the check looks back <see cref="LateDeepDepth"/> instead.</summary>
    public static readonly TimeSpan LateDeepEvery = TimeSpan.FromDays(1);

    /// <summary>
    /// How late a point may be stored and still reach the rollup: two weeks (an edge's outbox, 1 GiB by default, holds
    /// days of points, so a replay after a long cut can be that late). Later ones stay raw until an operator runs
    /// <c>liveroom-dashboard rollup --from … --to …</c> (<see cref="RollupCommand"/>).
    /// </summary>
    public static readonly TimeSpan LateDeepDepth = TimeSpan.FromDays(14);

    /// <summary>The newest minutes are the continuous query's (it recomputes 10 minutes each minute): not checked.</summary>
    private static readonly TimeSpan LateSettle = TimeSpan.FromMinutes(11);

    /// <summary>The aggregate that makes rollup minutes count their seconds; a continuous query without it is replaced.</summary>
    private const string SecondsAggregate = "count(*)";

    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromMinutes(10);
    private readonly InfluxOptions _influx = options.Value.Influx;
    private DateTimeOffset? _lateRolled;
    private DateTimeOffset? _lateDeep;

    public static string RetentionPolicy(InfluxOptions influx) => influx.RetentionPolicy + "_1m";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_influx.Rollup)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var ok = false;
            try
            {
                ok = await MaintainAsync(stoppingToken);
            }
            catch (InfluxQueryException ex)
            {
                LogNotYet(logger, ex.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(ok ? RecheckEvery : RetryEvery, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One round of upkeep: <see cref="EnsureAsync"/>, then, once <see cref="LateEvery"/> has passed since the last
    /// time (or since the rollup was first found), <see cref="RollLateAsync"/>.
    /// </summary>
    public async Task<bool> MaintainAsync(CancellationToken cancellationToken)
    {
        if (!await EnsureAsync(cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow();
        _lateRolled ??= now;
        _lateDeep ??= now;
        var depth = now - _lateDeep.Value >= LateDeepEvery ? LateDeepDepth : now - _lateRolled.Value >= LateEvery ? LateDepth : TimeSpan.Zero;
        if (depth > TimeSpan.Zero)
        {
            var started = time.GetTimestamp();
            var rolled = await RollLateAsync(cancellationToken, depth);
            _lateRolled = now;
            _lateDeep = depth == LateDeepDepth ? now : _lateDeep;
            LogLateChecked(logger, depth.TotalHours, rolled, time.GetElapsedTime(started).TotalSeconds);
        }

        return true;
    }

    /// <summary>
    /// Finds the room-hours of the last <paramref name="depth"/> (default <see cref="LateDepth"/>) where raw points
    /// cover more minutes than the rollup holds (points stored after the continuous query's 10 minutes) and rolls
    /// those hours of that room up again. Counting minutes reads one field (<c>seq</c>, which every point has) per
    /// measurement, a day at a time; only what misses is recomputed, so a site of many rooms pays little when nothing
    /// was late. Returns how many room-hours it rolled up.
    /// </summary>
    public async Task<int> RollLateAsync(CancellationToken cancellationToken, TimeSpan? depth = null)
    {
        var now = time.GetUtcNow();
        var rolled = await RollMissingAsync(now - (depth ?? LateDepth), now - LateSettle, cancellationToken);
        foreach (var (site, room, start) in rolled)
        {
            LogLateRoomHour(logger, site, room, start);
        }

        return rolled.Count;
    }

    /// <summary>
    /// Rolls up again, in [<paramref name="from"/> (to its hour), <paramref name="to"/>), each room-hour whose raw
    /// points cover more minutes than the rollup holds; returns them, oldest first (also the <c>rollup</c> command's way,
    /// for points stored later than the daily check reaches).
    /// </summary>
    public async Task<IReadOnlyList<(string Site, string Room, DateTimeOffset Hour)>> RollMissingAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        from = InfluxQl.Truncate(from, TimeSpan.FromHours(1));
        var late = new HashSet<(string Site, string Room, long Hour)>();
        for (var start = from; start < to; start += TimeSpan.FromDays(1))
        {
            var end = start + TimeSpan.FromDays(1) < to ? start + TimeSpan.FromDays(1) : to;
            await FindLateAsync(start, end, late, cancellationToken);
        }

        var rolled = new List<(string Site, string Room, DateTimeOffset Hour)>();
        foreach (var (site, room, hour) in late.OrderBy(l => l.Hour).ThenBy(l => l.Site, StringComparer.Ordinal).ThenBy(l => l.Room, StringComparer.Ordinal))
        {
            var start = DateTimeOffset.FromUnixTimeMilliseconds(hour);
            await BackfillAsync(start, start + TimeSpan.FromHours(1), cancellationToken, $"\"site\" = '{Quote(site)}' AND \"room\" = '{Quote(room)}' AND ");
            rolled.Add((site, room, start));
        }

        return rolled;
    }

    /// <summary>Whether the rollup's retention policy exists (the dashboard creates it on its first start).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        var shown = await influx.QueryAsync($"SHOW RETENTION POLICIES ON \"{_influx.Database}\"", cancellationToken);
        var rp = RetentionPolicy(_influx);
        return shown.Any(r => r.Series.Any(s => s.Values.Any(v => v.Count > 0 && v[0].GetString() == rp)));
    }

    /// <summary>Adds to <paramref name="late"/> the room-hours of [from, to) (from on an hour) whose raw minutes outnumber the rollup's.</summary>
    private async Task FindLateAsync(DateTimeOffset from, DateTimeOffset to, HashSet<(string Site, string Room, long Hour)> late, CancellationToken cancellationToken)
    {
        var window = InfluxQl.TimeRange(from, to);
        var seq = MetricKind.SequenceField;
        foreach (var measurement in PanelCatalog.Measurements)
        {
            var raw = await influx.QueryAsync(
                $"SELECT count(\"c\") FROM (SELECT count(\"{seq}\") AS \"c\" FROM \"{_influx.Database}\".\"{_influx.RetentionPolicy}\".\"{measurement}\" "
                + $"WHERE {window} GROUP BY time(1m), \"site\", \"room\") WHERE \"c\" > 0 AND {window} GROUP BY time(1h), \"site\", \"room\"",
                cancellationToken);
            var rolled = await influx.QueryAsync(
                $"SELECT count(\"min_{seq}\") FROM \"{_influx.Database}\".\"{RetentionPolicy(_influx)}\".\"{measurement}\" WHERE {window} GROUP BY time(1h), \"site\", \"room\"",
                cancellationToken);
            var rollupMinutes = MinutesByRoomHour(rolled);
            foreach (var (key, minutes) in MinutesByRoomHour(raw))
            {
                if (minutes > rollupMinutes.GetValueOrDefault(key))
                {
                    late.Add(key);
                }
            }
        }
    }

    private static Dictionary<(string Site, string Room, long Hour), long> MinutesByRoomHour(IReadOnlyList<InfluxStatementResult> results)
    {
        var minutes = new Dictionary<(string, string, long), long>();
        foreach (var r in results)
        {
            if (r.Error is not null && !r.IsNotCreatedYet)
            {
                throw new InfluxQueryException($"InfluxDB refused the late-points check: {r.Error}");
            }

            foreach (var series in r.Series)
            {
                var site = series.Tags.GetValueOrDefault("site", string.Empty);
                var room = series.Tags.GetValueOrDefault("room", string.Empty);
                foreach (var row in series.Values)
                {
                    if (row.Count > 1 && InfluxValue.AsDouble(row[0]) is { } hour && InfluxValue.AsDouble(row[1]) is { } count and > 0)
                    {
                        minutes[(site, room, (long)hour)] = (long)count;
                    }
                }
            }
        }

        return minutes;
    }

    /// <summary>An InfluxQL string literal's content: tag values are checked identifiers, quoted anyway.</summary>
    private static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);

    /// <summary>Creates the rollup policy and continuous query if missing (and then backfills); false while the database does not exist.</summary>
    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        var shown = await influx.QueryAsync("SHOW CONTINUOUS QUERIES", cancellationToken);
        var query = shown.Count > 0
            ? shown[0].Series.Where(s => s.Name == _influx.Database).SelectMany(s => s.Values)
                .FirstOrDefault(v => v.Count > 1 && v[0].GetString() == QueryName)
            : null;
        if (query is not null)
        {
            if (query[1].GetString()?.Contains(SecondsAggregate, StringComparison.Ordinal) == true)
            {
                return true;
            }

            // A rollup made before it counted seconds (2026-11-23): its minutes cannot say how many seconds they hold, so
            // the reports would read a partly down minute as a whole one. The query is replaced and 90 days recomputed.
            Check(await influx.ExecuteAsync($"DROP CONTINUOUS QUERY \"{QueryName}\" ON \"{_influx.Database}\"", cancellationToken), allowExists: false);
            LogUpgrading(logger);
        }

        var databases = await influx.QueryAsync("SHOW DATABASES", cancellationToken);
        if (!databases.Any(r => r.Series.Any(s => s.Values.Any(v => v.Count > 0 && v[0].GetString() == _influx.Database))))
        {
            return false;
        }

        var rp = RetentionPolicy(_influx);
        Check(await influx.ExecuteAsync($"CREATE RETENTION POLICY \"{rp}\" ON \"{_influx.Database}\" DURATION 400d REPLICATION 1", cancellationToken), allowExists: true);
        Check(await influx.ExecuteAsync(
            $"CREATE CONTINUOUS QUERY \"{QueryName}\" ON \"{_influx.Database}\" RESAMPLE EVERY 1m FOR 10m BEGIN {RollupSelect()} GROUP BY time(1m), * END",
            cancellationToken), allowExists: true);
        LogCreated(logger, rp);
        var now = time.GetUtcNow();
        await BackfillAsync(now - BackfillDepth, now, cancellationToken);
        return true;
    }

    /// <summary>
    /// Computes the rollup for [from, to) from the raw points, a day at a time (newest first); <paramref name="where"/>
    /// (a condition ending in <c>AND </c>) narrows it, e.g. to one room.
    /// </summary>
    public async Task BackfillAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken, string where = "")
    {
        var end = to;
        while (end > from)
        {
            var start = end - TimeSpan.FromDays(1) < from ? from : end - TimeSpan.FromDays(1);
            var statement = $"{RollupSelect()} WHERE {where}{InfluxQl.TimeRange(start, end)} GROUP BY time(1m), *";
            Check(await influx.ExecuteAsync(statement, cancellationToken), allowExists: false);
            end = start;
        }
    }

    /// <remarks>
    /// <c>count(*)</c>: the points (seconds) each minute holds per field, so a report counts a minute the stream was
    /// down for half of as half a minute reported and, at most, half a minute at 1080p30 (the down seconds have no fps).
    /// </remarks>
    private string RollupSelect()
    {
        var measurements = string.Join('|', PanelCatalog.Measurements);
        return $"SELECT mean(*), min(*), max(*), {SecondsAggregate} INTO \"{_influx.Database}\".\"{RetentionPolicy(_influx)}\".:MEASUREMENT "
            + $"FROM \"{_influx.Database}\".\"{_influx.RetentionPolicy}\"./^({measurements})$/";
    }

    private static void Check(IReadOnlyList<InfluxStatementResult> results, bool allowExists)
    {
        foreach (var r in results)
        {
            if (r.Error is { } error && !(allowExists && error.Contains("already exists", StringComparison.Ordinal)))
            {
                throw new InfluxQueryException($"InfluxDB refused the rollup statement: {error}");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB rollup not set up yet: {Reason}")]
    private static partial void LogNotYet(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checked the last {Hours} h for points stored late: {RoomHours} room-hour(s) rolled up again ({Seconds:0.0} s)")]
    private static partial void LogLateChecked(ILogger logger, double hours, int roomHours, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rolled up {Site}/{Room} from {Hour:u} for an hour again: points were stored there after the rollup was made")]
    private static partial void LogLateRoomHour(ILogger logger, string site, string room, DateTimeOffset hour);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The 1-minute rollup was made before it counted seconds: replacing its continuous query and recomputing the last 90 days (reports over older rollup minutes undercount until then)")]
    private static partial void LogUpgrading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the 1-minute rollup (retention policy {RetentionPolicy}, continuous query) and backfilled it")]
    private static partial void LogCreated(ILogger logger, string retentionPolicy);
}
