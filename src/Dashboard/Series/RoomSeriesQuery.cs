using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Series;

/// <summary>
/// The room page's panels over a range, downsampled in InfluxDB with <c>GROUP BY time(interval)</c>; buckets of a
/// minute or more read the 1-minute rollup (continuous queries, <see cref="RollupMaintainer"/>) when it holds the range.
/// </summary>
internal sealed class RoomSeriesQuery(InfluxQueryClient influx, IOptions<DashboardOptions> options)
{
    private readonly InfluxOptions _influx = options.Value.Influx;

    /// <summary>Whether the site has reported the room (from the series index, which is cheap); null when InfluxDB cannot say.</summary>
    public async Task<bool?> RoomExistsAsync(string site, string room, CancellationToken cancellationToken)
    {
        try
        {
            var results = await influx.QueryAsync($"SHOW TAG VALUES WITH KEY = \"room\" WHERE \"site\" = '{site}'", cancellationToken);
            var result = results.Count > 0 ? results[0] : null;
            if (result is null || result.IsNotCreatedYet)
            {
                return false;
            }

            if (result.Error is not null)
            {
                return null;
            }

            return result.Series.Any(s => s.Values.Any(v => v.Count > 1 && v[1].GetString() == room));
        }
        catch (InfluxQueryException)
        {
            return null;
        }
    }

    public async Task<RoomSeriesResponse> GetAsync(string site, string room, SeriesRange range, CancellationToken cancellationToken)
    {
        var useRollup = range.Interval >= TimeSpan.FromMinutes(1);
        var measurements = PanelCatalog.Measurements;
        var tasks = measurements.ToDictionary(m => m, m => QueryMeasurementAsync(site, room, m, range, useRollup, cancellationToken), StringComparer.Ordinal);
        var events = EventsAsync(site, room, range, cancellationToken);
        await Task.WhenAll(tasks.Values);
        var anyRollup = tasks.Values.Any(t => t.Result.FromRollup);
        var panels = PanelCatalog.All.Select(p => ToPanel(p, tasks[p.Measurement].Result, range.Interval)).ToList();
        return new RoomSeriesResponse(site, room, range.From, range.To, range.Interval.TotalSeconds, anyRollup ? "rollup" : "raw", panels, await events);
    }

    /// <summary>The newest 200 events of the room in the range (an InfluxDB problem is already told by the panels).</summary>
    private async Task<IReadOnlyList<RoomEvent>> EventsAsync(string site, string room, SeriesRange range, CancellationToken cancellationToken)
    {
        var q = string.Create(
            CultureInfo.InvariantCulture,
            $"SELECT \"{EventFields.Message}\", \"{EventFields.Type}\", \"{EventFields.Active}\", \"{EventFields.Duration}\" FROM \"{_influx.RetentionPolicy}\".\"{MetricKind.Event}\" WHERE \"site\" = '{site}' AND \"room\" = '{room}' "
            + $"AND {InfluxQl.TimeRange(range.From, range.To)} ORDER BY time DESC LIMIT 200");
        try
        {
            var result = await RunAsync(q, cancellationToken);
            if (result.Series.Count == 0)
            {
                return [];
            }

            var s = result.Series[0];
            var message = s.ColumnIndex(EventFields.Message);
            var type = s.ColumnIndex(EventFields.Type);
            var active = s.ColumnIndex(EventFields.Active);
            var duration = s.ColumnIndex(EventFields.Duration);
            return s.Values.Select(row => new RoomEvent(
                InfluxValue.AsEpochMilliseconds(row[0])?.ToUnixTimeMilliseconds() ?? 0,
                type >= 0 && row[type].ValueKind == JsonValueKind.String ? row[type].GetString()! : string.Empty,
                message >= 0 && row[message].ValueKind == JsonValueKind.String ? row[message].GetString() : null,
                active < 0 ? null : InfluxValue.AsBoolean(row[active]),
                duration < 0 ? null : InfluxValue.AsDouble(row[duration]))).ToList();
        }
        catch (InfluxQueryException)
        {
            return [];
        }
    }

    /// <summary>The InfluxQL for one measurement: every panel field's aggregate per bucket.</summary>
    internal string BuildQuery(string site, string room, string measurement, SeriesRange range, bool rollup)
    {
        var fields = PanelCatalog.All.Where(p => p.Measurement == measurement).SelectMany(p => p.Fields).DistinctBy(f => f.Column).ToList();
        var select = new StringBuilder();
        foreach (var f in fields)
        {
            if (select.Length > 0)
            {
                select.Append(", ");
            }

            var fn = f.Aggregate.ToString().ToLowerInvariant();
            var source = rollup ? f.Column : f.Field;
            select.Append(CultureInfo.InvariantCulture, $"{fn}(\"{source}\") AS \"{f.Column}\"");
        }

        var rp = rollup ? RollupMaintainer.RetentionPolicy(_influx) : _influx.RetentionPolicy;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"SELECT {select} FROM \"{rp}\".\"{measurement}\" WHERE \"site\" = '{site}' AND \"room\" = '{room}' "
            + $"AND {InfluxQl.TimeRange(range.From, range.To)} "
            + $"GROUP BY time({(long)range.Interval.TotalSeconds}s) fill(none)");
    }

    private async Task<MeasurementResult> QueryMeasurementAsync(string site, string room, string measurement, SeriesRange range, bool useRollup, CancellationToken cancellationToken)
    {
        try
        {
            if (useRollup)
            {
                var rolled = await RunAsync(BuildQuery(site, room, measurement, range, rollup: true), cancellationToken);
                // An empty rollup (not created yet, or before its backfill) falls back to the raw points.
                if (rolled is { Series.Count: > 0 })
                {
                    return new MeasurementResult(rolled.Series[0], null, true);
                }
            }

            var raw = await RunAsync(BuildQuery(site, room, measurement, range, rollup: false), cancellationToken);
            if (raw.Error is not null && !raw.IsNotCreatedYet)
            {
                return new MeasurementResult(null, $"InfluxDB refused the query: {raw.Error}", false);
            }

            return new MeasurementResult(raw.Series.Count > 0 ? raw.Series[0] : null, null, false);
        }
        catch (InfluxQueryException ex)
        {
            return new MeasurementResult(null, ex.Message, false);
        }
    }

    private async Task<InfluxStatementResult> RunAsync(string influxQl, CancellationToken cancellationToken)
    {
        var results = await influx.QueryAsync(influxQl, cancellationToken);
        return results.Count > 0 ? results[0] : new InfluxStatementResult(0, null, []);
    }

    private static PanelData ToPanel(PanelSpec panel, MeasurementResult result, TimeSpan interval)
    {
        if (result.Series is not { } series)
        {
            return new PanelData(panel.Id, panel.Title, panel.Unit, [], panel.Fields.Select(f => new SeriesData(f.Label, [])).ToList(), result.Error);
        }

        var times = new List<long>(series.Values.Count);
        foreach (var row in series.Values)
        {
            times.Add(InfluxValue.AsEpochMilliseconds(row[0])?.ToUnixTimeMilliseconds() ?? 0);
        }

        var columns = panel.Fields.Select(f => series.ColumnIndex(f.Column)).ToList();
        var values = columns.Select(i => series.Values.Select(row => i >= 0 && i < row.Count ? InfluxValue.AsDouble(row[i]) : null).ToList()).ToList();
        BreakGaps(times, values, interval);
        return new PanelData(panel.Id, panel.Title, panel.Unit, times, panel.Fields.Select((f, i) => new SeriesData(f.Label, values[i])).ToList(), null);
    }

    /// <summary>
    /// A time without points shows as a gap in the chart, not as a line drawn across it: the buckets come back with
    /// <c>fill(none)</c> (cheap over 90 days of a room that was off most of the time), so where two buckets are further
    /// apart than the series' own rhythm a row of nulls goes between them, which the chart draws as a break. The rhythm
    /// is the median spacing (a measurement reported every 10 s in 5 s buckets is not full of gaps), and a gap is more
    /// than three times it and more than two buckets.
    /// </summary>
    internal static void BreakGaps(List<long> times, List<List<double?>> values, TimeSpan interval)
    {
        if (times.Count < 3)
        {
            return;
        }

        var spacing = new long[times.Count - 1];
        for (var i = 1; i < times.Count; i++)
        {
            spacing[i - 1] = times[i] - times[i - 1];
        }

        Array.Sort(spacing);
        var bucket = (long)interval.TotalMilliseconds;
        var gap = Math.Max(3 * spacing[spacing.Length / 2], 2 * bucket);
        for (var i = times.Count - 1; i > 0; i--)
        {
            if (times[i] - times[i - 1] > gap)
            {
                times.Insert(i, times[i - 1] + bucket);
                foreach (var line in values)
                {
                    line.Insert(i, null);
                }
            }
        }
    }

    private sealed record MeasurementResult(InfluxSeries? Series, string? Error, bool FromRollup);
}
