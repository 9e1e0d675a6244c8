using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Dashboard.Series;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Reports;

/// <summary>
/// Compliance per room from InfluxDB counts: minutes (rollup) or seconds (raw) at 1080p30, with uplink and stream
/// bitrate at or above 4 Mbit/s (seed clauses 6.2.2.1, 6.2.1.1), and the number of events (incidents).
/// Each figure is one <c>count()</c> with a WHERE on field values, grouped by site and room: no rows leave InfluxDB.
/// </summary>
internal sealed class ComplianceQuery(InfluxQueryClient influx, IOptions<DashboardOptions> options)
{
    /// <summary>4 Mbit/s (seed clause 6.2.1.1).</summary>
    public const double MinUplinkBps = 4_000_000;

    private readonly InfluxOptions _influx = options.Value.Influx;

    /// <exception cref="InfluxQueryException">InfluxDB is unreachable or refused a query.</exception>
    public async Task<ComplianceReport> GetAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rollup = await CountsAsync(from, to, rollup: true, cancellationToken);
        var useRollup = rollup.Total.Count > 0;
        var counts = useRollup ? rollup : await CountsAsync(from, to, rollup: false, cancellationToken);
        var unit = useRollup ? 1.0 : 1 / 60.0; // minutes per counted row
        var events = await CountByRoomAsync($"SELECT count(\"{EventFields.Message}\") FROM \"{_influx.RetentionPolicy}\".\"{MetricKind.Event}\" WHERE {Time(from, to)} GROUP BY \"site\", \"room\"", cancellationToken);

        var rooms = counts.Total.Keys.Union(events.Keys).Distinct().Order().Select(key =>
        {
            var total = counts.Total.GetValueOrDefault(key);
            var uplinkTotal = counts.UplinkTotal.GetValueOrDefault(key);
            return new RoomCompliance(
                key.Site,
                key.Room,
                Math.Round(total * unit, 1),
                Percent(counts.At1080p30.GetValueOrDefault(key), total),
                Percent(counts.UplinkOk.GetValueOrDefault(key), uplinkTotal),
                Percent(counts.BitrateOk.GetValueOrDefault(key), total),
                events.GetValueOrDefault(key));
        }).ToList();
        return new ComplianceReport(from, to, useRollup ? "rollup" : "raw", rooms);
    }

    /// <summary>One room's figures over a window (a show): the same counts, filtered to the room.</summary>
    /// <exception cref="InfluxQueryException">InfluxDB is unreachable or refused a query.</exception>
    public async Task<RoomCompliance> GetRoomAsync(string site, string room, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Identifiers are checked (letters, digits, '-', '_', '.'): no quote can occur in them.
        var filter = $" AND \"site\" = '{site}' AND \"room\" = '{room}'";
        var rollup = await CountsAsync(from, to, rollup: true, cancellationToken, filter);
        var useRollup = rollup.Total.Count > 0 && (to - from) >= TimeSpan.FromMinutes(10);
        var counts = useRollup ? rollup : await CountsAsync(from, to, rollup: false, cancellationToken, filter);
        var unit = useRollup ? 1.0 : 1 / 60.0;
        var key = (site, room);
        var total = counts.Total.GetValueOrDefault(key);
        return new RoomCompliance(
            site,
            room,
            Math.Round(total * unit, 1),
            Percent(counts.At1080p30.GetValueOrDefault(key), total),
            Percent(counts.UplinkOk.GetValueOrDefault(key), counts.UplinkTotal.GetValueOrDefault(key)),
            Percent(counts.BitrateOk.GetValueOrDefault(key), total),
            0);
    }

    private async Task<Counts> CountsAsync(DateTimeOffset from, DateTimeOffset to, bool rollup, CancellationToken cancellationToken, string filter = "")
    {
        var rp = rollup ? RollupMaintainer.RetentionPolicy(_influx) : _influx.RetentionPolicy;
        string F(string aggregate, string field) => rollup ? $"\"{aggregate}_{field}\"" : $"\"{field}\"";
        var fps = F("min", MetricKind.StreamFields.Fps);
        var width = F("min", MetricKind.StreamFields.Width);
        var height = F("min", MetricKind.StreamFields.Height);
        var bitrate = F("mean", MetricKind.StreamFields.Bitrate);
        var uplink = F("min", "tx_bps");
        var where = Time(from, to) + filter;
        var group = "GROUP BY \"site\", \"room\"";
        var stream = $"\"{rp}\".\"{MetricKind.Stream}\"";
        var network = $"\"{rp}\".\"{MetricKind.Network}\"";
        var minFps = StreamStandard.MinFps.ToString("R", CultureInfo.InvariantCulture);
        var minBps = MinUplinkBps.ToString("R", CultureInfo.InvariantCulture);
        var results = await Task.WhenAll(
            CountByRoomAsync($"SELECT count({fps}) FROM {stream} WHERE {where} {group}", cancellationToken),
            CountByRoomAsync($"SELECT count({fps}) FROM {stream} WHERE {where} AND {fps} >= {minFps} AND {width} >= {StreamStandard.MinWidth} AND {height} >= {StreamStandard.MinHeight} {group}", cancellationToken),
            CountByRoomAsync($"SELECT count({bitrate}) FROM {stream} WHERE {where} AND {bitrate} >= {minBps} {group}", cancellationToken),
            CountByRoomAsync($"SELECT count({uplink}) FROM {network} WHERE {where} {group}", cancellationToken),
            CountByRoomAsync($"SELECT count({uplink}) FROM {network} WHERE {where} AND {uplink} >= {minBps} {group}", cancellationToken));
        return new Counts(results[0], results[1], results[2], results[3], results[4]);
    }

    private async Task<Dictionary<(string Site, string Room), long>> CountByRoomAsync(string influxQl, CancellationToken cancellationToken)
    {
        var results = await influx.QueryAsync(influxQl, cancellationToken);
        var counts = new Dictionary<(string, string), long>();
        foreach (var r in results)
        {
            if (r.Error is not null && !r.IsNotCreatedYet)
            {
                throw new InfluxQueryException($"InfluxDB refused the report query: {r.Error}");
            }

            foreach (var s in r.Series)
            {
                var value = s.Values.Count > 0 && s.Values[0].Count > 1 ? InfluxValue.AsDouble(s.Values[0][1]) : null;
                counts[(s.Tags.GetValueOrDefault("site", string.Empty), s.Tags.GetValueOrDefault("room", string.Empty))] = (long)(value ?? 0);
            }
        }

        return counts;
    }

    private static string Time(DateTimeOffset from, DateTimeOffset to) => string.Create(
        CultureInfo.InvariantCulture,
        $"time >= {from.ToUnixTimeMilliseconds()}ms AND time < {to.ToUnixTimeMilliseconds()}ms");

    private static double? Percent(long part, long total) => total == 0 ? null : Math.Round(100.0 * part / total, 2);

    private sealed record Counts(
        Dictionary<(string Site, string Room), long> Total,
        Dictionary<(string Site, string Room), long> At1080p30,
        Dictionary<(string Site, string Room), long> BitrateOk,
        Dictionary<(string Site, string Room), long> UplinkTotal,
        Dictionary<(string Site, string Room), long> UplinkOk);
}
