using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Dashboard.Series;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Reports;

/// <summary>
/// Compliance per room from InfluxDB counts: minutes (rollup, the newest 15 minutes raw) or seconds (raw) at 1080p30, with uplink and stream
/// bitrate at or above 4 Mbit/s (seed clauses 6.2.2.1, 6.2.1.1), and the number of events (incidents).
/// Each figure is one <c>count()</c> with a WHERE on field values, grouped by site and room: no rows leave InfluxDB.
/// </summary>
internal sealed class ComplianceQuery(InfluxQueryClient influx, IOptions<DashboardOptions> options)
{
    /// <summary>4 Mbit/s (seed clause 6.2.1.1).</summary>
    public const double MinUplinkBps = 4_000_000;

    private readonly InfluxOptions _influx = options.Value.Influx;

    /// <summary>
    /// The newest part of a period is counted from the raw points even when the rollup is read: the continuous query
    /// rolls a minute up only after it ends (and recomputes 10 minutes), so a room that began reporting a minute ago,
    /// or the last minutes of any room, are not in the rollup yet.
    /// </summary>
    public static readonly TimeSpan RawTail = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <exception cref="InfluxQueryException">InfluxDB is unreachable or refused a query.</exception>
    public async Task<ComplianceReport> GetAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var (counts, source) = await CountsAsync(from, to, string.Empty, cancellationToken);
        var events = await CountByRoomAsync($"SELECT count(\"{EventFields.Message}\") FROM \"{_influx.RetentionPolicy}\".\"{MetricKind.Event}\" WHERE {InfluxQl.TimeRange(from, to)} GROUP BY \"site\", \"room\"", cancellationToken);

        var rooms = counts.Total.Keys.Union(events.Keys).Distinct().Order()
            .Select(key => Figures(counts, key) with { Events = (long)events.GetValueOrDefault(key) })
            .ToList();
        return new ComplianceReport(from, to, source, rooms);
    }

    /// <summary>One room's figures over a window (a show): the same counts, filtered to the room.</summary>
    /// <exception cref="InfluxQueryException">InfluxDB is unreachable or refused a query.</exception>
    public async Task<RoomCompliance> GetRoomAsync(string site, string room, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Identifiers are checked (letters, digits, '-', '_', '.'): no quote can occur in them.
        var (counts, _) = await CountsAsync(from, to, $" AND \"site\" = '{site}' AND \"room\" = '{room}'", cancellationToken);
        return Figures(counts, (site, room));
    }

    private static RoomCompliance Figures(Counts counts, (string Site, string Room) key)
    {
        var total = counts.Total.GetValueOrDefault(key);
        return new RoomCompliance(
            key.Site,
            key.Room,
            Math.Round(total, 1),
            Percent(counts.At1080p30.GetValueOrDefault(key), total),
            Percent(counts.UplinkOk.GetValueOrDefault(key), counts.UplinkTotal.GetValueOrDefault(key)),
            Percent(counts.BitrateOk.GetValueOrDefault(key), total),
            0);
    }

    /// <summary>
    /// Minutes per room over [from, to): whole minutes from the rollup where it has rows, the unaligned head and the
    /// newest <see cref="RawTail"/> from raw points (a second each); everything raw when the rollup has nothing there.
    /// </summary>
    private async Task<(Counts Counts, string Source)> CountsAsync(DateTimeOffset from, DateTimeOffset to, string filter, CancellationToken cancellationToken)
    {
        var firstMinute = Ceiling(from);
        var cut = InfluxQl.Truncate(to - RawTail, Minute);
        if (cut > firstMinute)
        {
            var rollup = await CountRowsAsync(firstMinute, cut, rollup: true, filter, cancellationToken);
            if (rollup.Total.Count > 0)
            {
                var parts = new List<Task<Counts>> { CountRowsAsync(cut, to, rollup: false, filter, cancellationToken) };
                if (firstMinute > from)
                {
                    parts.Add(CountRowsAsync(from, firstMinute, rollup: false, filter, cancellationToken));
                }

                var raw = await Task.WhenAll(parts);
                return (raw.Aggregate(rollup, Counts.Add), "rollup");
            }
        }

        return (await CountRowsAsync(from, to, rollup: false, filter, cancellationToken), "raw");
    }

    /// <summary>
    /// The seconds of [from, to) as minutes: a raw point (one per second) is 1/60; a rollup minute adds the seconds it
    /// holds (its <c>count_</c> of the field), so a minute the stream was down for half of is half a minute reported
    /// and at most half a minute at 1080p30 (down seconds have no fps; the minute's up seconds must all meet it).
    /// </summary>
    private async Task<Counts> CountRowsAsync(DateTimeOffset from, DateTimeOffset to, bool rollup, string filter, CancellationToken cancellationToken)
    {
        var rp = rollup ? RollupMaintainer.RetentionPolicy(_influx) : _influx.RetentionPolicy;
        string F(string aggregate, string field) => rollup ? $"\"{aggregate}_{field}\"" : $"\"{field}\"";
        string Seconds(string field) => rollup ? $"sum(\"count_{field}\")" : $"count(\"{field}\")";
        var fps = F("min", MetricKind.StreamFields.Fps);
        var width = F("min", MetricKind.StreamFields.Width);
        var height = F("min", MetricKind.StreamFields.Height);
        var bitrate = F("mean", MetricKind.StreamFields.Bitrate);
        var uplink = F("min", LiveRoomsQuery.TxBps);
        var where = InfluxQl.TimeRange(from, to) + filter;
        var group = "GROUP BY \"site\", \"room\"";
        var stream = $"\"{rp}\".\"{MetricKind.Stream}\"";
        var network = $"\"{rp}\".\"{MetricKind.Network}\"";
        var minFps = StreamStandard.MinFps.ToString("R", CultureInfo.InvariantCulture);
        var minBps = MinUplinkBps.ToString("R", CultureInfo.InvariantCulture);
        const double unit = 1 / 60.0;
        // Reported time is every stream point, a stream that is down included (it has no fps then): down time counts
        // against the room, not out of the figures. Every stored point has seq.
        var reported = Seconds(MetricKind.SequenceField);
        var results = await Task.WhenAll(
            CountByRoomAsync($"SELECT {reported} FROM {stream} WHERE {where} {group}", cancellationToken, unit),
            CountByRoomAsync($"SELECT {Seconds(MetricKind.StreamFields.Fps)} FROM {stream} WHERE {where} AND {fps} >= {minFps} AND {width} >= {StreamStandard.MinWidth} AND {height} >= {StreamStandard.MinHeight} {group}", cancellationToken, unit),
            CountByRoomAsync($"SELECT {Seconds(MetricKind.StreamFields.Bitrate)} FROM {stream} WHERE {where} AND {bitrate} >= {minBps} {group}", cancellationToken, unit),
            CountByRoomAsync($"SELECT {Seconds(LiveRoomsQuery.TxBps)} FROM {network} WHERE {where} {group}", cancellationToken, unit),
            CountByRoomAsync($"SELECT {Seconds(LiveRoomsQuery.TxBps)} FROM {network} WHERE {where} AND {uplink} >= {minBps} {group}", cancellationToken, unit));
        return new Counts(results[0], results[1], results[2], results[3], results[4]);
    }

    private static DateTimeOffset Ceiling(DateTimeOffset t) => InfluxQl.Truncate(t, Minute) == t ? t : InfluxQl.Truncate(t, Minute) + Minute;

    private async Task<Dictionary<(string Site, string Room), double>> CountByRoomAsync(string influxQl, CancellationToken cancellationToken, double unit = 1)
    {
        var results = await influx.QueryAsync(influxQl, cancellationToken);
        var counts = new Dictionary<(string, string), double>();
        foreach (var r in results)
        {
            if (r.Error is not null && !r.IsNotCreatedYet)
            {
                throw new InfluxQueryException($"InfluxDB refused the report query: {r.Error}");
            }

            foreach (var s in r.Series)
            {
                var value = s.Values.Count > 0 && s.Values[0].Count > 1 ? InfluxValue.AsDouble(s.Values[0][1]) : null;
                counts[(s.Tags.GetValueOrDefault("site", string.Empty), s.Tags.GetValueOrDefault("room", string.Empty))] = (value ?? 0) * unit;
            }
        }

        return counts;
    }

    private static double? Percent(double part, double total) => total == 0 ? null : Math.Round(100.0 * part / total, 2);

    /// <summary>Minutes per room: reported, at 1080p30, stream bitrate at 4 Mbit/s, uplink reported, uplink at 4 Mbit/s.</summary>
    private sealed record Counts(
        Dictionary<(string Site, string Room), double> Total,
        Dictionary<(string Site, string Room), double> At1080p30,
        Dictionary<(string Site, string Room), double> BitrateOk,
        Dictionary<(string Site, string Room), double> UplinkTotal,
        Dictionary<(string Site, string Room), double> UplinkOk)
    {
        public static Counts Add(Counts a, Counts b) => new(
            Sum(a.Total, b.Total), Sum(a.At1080p30, b.At1080p30), Sum(a.BitrateOk, b.BitrateOk), Sum(a.UplinkTotal, b.UplinkTotal), Sum(a.UplinkOk, b.UplinkOk));

        private static Dictionary<(string Site, string Room), double> Sum(Dictionary<(string Site, string Room), double> a, Dictionary<(string Site, string Room), double> b)
        {
            var sum = new Dictionary<(string Site, string Room), double>(a);
            foreach (var (key, value) in b)
            {
                sum[key] = sum.GetValueOrDefault(key) + value;
            }

            return sum;
        }
    }
}
