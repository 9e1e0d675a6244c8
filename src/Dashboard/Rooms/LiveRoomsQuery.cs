using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Rooms;

/// <summary>Latest stream values per site and room, from measurement <c>stream</c>.</summary>
internal sealed partial class LiveRoomsQuery(InfluxQueryClient influx, IOptions<DashboardOptions> options, TimeProvider time)
{
    private const string Site = "site";
    private const string Room = "room";

    private readonly DashboardOptions options = options.Value;

    /// <summary>
    /// The latest value of each field per room. With several <c>last()</c> selectors InfluxDB reports the
    /// start of the window as the time, so <see cref="BuildNewestQuery"/> (one selector) gives the newest timestamp.
    /// </summary>
    public string BuildValuesQuery() =>
        $"SELECT {Last(MetricKind.StreamFields.Width)}, {Last(MetricKind.StreamFields.Height)}, "
        + $"{Last(MetricKind.StreamFields.Fps)}, {Last(MetricKind.StreamFields.Bitrate)} {From()}";

    /// <summary>Each room's newest <c>up</c> value with its source timestamp.</summary>
    public string BuildNewestQuery() => $"SELECT {Last(MetricKind.StreamFields.Up)} {From()}";

    /// <exception cref="InfluxQueryException">InfluxDB is unreachable or refused the query.</exception>
    public Task<LiveRoomsResponse> GetAsync(CancellationToken cancellationToken) => GetAsync(history: false, cancellationToken);

    /// <param name="history">Also return each room's last <see cref="HistoryWindow"/> at <see cref="HistoryInterval"/> (the sparklines).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="InfluxQueryException">InfluxDB is unreachable or refused the query.</exception>
    public async Task<LiveRoomsResponse> GetAsync(bool history, CancellationToken cancellationToken)
    {
        // Separate requests, not several statements in one: InfluxDB 1.x answers a multi-statement query on a missing
        // database with a bare "not executed", which cannot be told apart from a real failure.
        var values = influx.QueryAsync(BuildValuesQuery(), cancellationToken);
        var newest = influx.QueryAsync(BuildNewestQuery(), cancellationToken);
        var alerts = ActiveAlertsAsync(cancellationToken);
        var network = NetworkAsync(cancellationToken);
        var recent = history ? HistoryAsync(cancellationToken) : Task.FromResult<IReadOnlyList<RoomHistory>?>(null);
        var results = await Task.WhenAll(values, newest);
        var now = time.GetUtcNow();
        var rooms = WithNetwork(Map(First(results[0]), First(results[1]), now, options.StaleAfter), await network);
        return new LiveRoomsResponse(now, options.StaleAfter.TotalSeconds, rooms, await alerts, History: await recent);
    }

    /// <summary>How far back an alert that started and has not recovered is still shown: 24 h.</summary>
    public static readonly TimeSpan AlertLookback = TimeSpan.FromHours(24);

    /// <summary>The latest event per site, room and type; those still active are the room's alerts.</summary>
    public string BuildAlertsQuery() => string.Create(
        CultureInfo.InvariantCulture,
        $"SELECT \"{EventFields.Active}\", \"{EventFields.Message}\" FROM \"{options.Influx.RetentionPolicy}\".\"{MetricKind.Event}\" "
        + $"WHERE time > now() - {(long)AlertLookback.TotalSeconds}s GROUP BY \"{Site}\", \"{Room}\", \"{EventFields.Type}\" ORDER BY time DESC LIMIT 1");

    private async Task<IReadOnlyList<ActiveAlert>> ActiveAlertsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = First(await influx.QueryAsync(BuildAlertsQuery(), cancellationToken));
            return MapAlerts(result);
        }
        catch (InfluxQueryException)
        {
            // The tiles report InfluxDB problems already; alerts are then simply unknown.
            return [];
        }
    }

    internal static IReadOnlyList<ActiveAlert> MapAlerts(InfluxStatementResult result)
    {
        var alerts = new List<ActiveAlert>();
        foreach (var s in result.Series)
        {
            var active = s.ColumnIndex(EventFields.Active);
            var message = s.ColumnIndex(EventFields.Message);
            if (s.Values.Count == 0 || active < 0 || InfluxValue.AsBoolean(s.Values[0][active]) != true)
            {
                continue;
            }

            var row = s.Values[0];
            alerts.Add(new ActiveAlert(
                Tag(s, Site),
                Tag(s, Room),
                Tag(s, EventFields.Type),
                message >= 0 && row[message].ValueKind == System.Text.Json.JsonValueKind.String ? row[message].GetString() : null,
                InfluxValue.AsEpochMilliseconds(row[0])));
        }

        return alerts.OrderBy(a => a.Site, StringComparer.Ordinal).ThenBy(a => a.Room, StringComparer.Ordinal).ThenBy(a => a.Since).ToList();
    }

    /// <summary>Joins the answers of <see cref="BuildValuesQuery"/> and <see cref="BuildNewestQuery"/> into one status per room.</summary>
    internal static IReadOnlyList<LiveRoomStatus> Map(InfluxStatementResult valuesResult, InfluxStatementResult newestResult, DateTimeOffset now, TimeSpan staleAfter)
    {
        foreach (var r in new[] { valuesResult, newestResult })
        {
            if (r.Error is not null && !r.IsNotCreatedYet)
            {
                throw new InfluxQueryException($"InfluxDB refused the live rooms query: {r.Error}");
            }
        }

        var values = valuesResult.Series;
        var upSeries = newestResult.Series;
        var upByRoom = upSeries.ToDictionary(s => (Tag(s, Site), Tag(s, Room)));

        var rooms = new List<LiveRoomStatus>();
        foreach (var key in values.Select(s => (Tag(s, Site), Tag(s, Room))).Union(upByRoom.Keys).Distinct())
        {
            var series = values.FirstOrDefault(s => (Tag(s, Site), Tag(s, Room)) == key);
            upByRoom.TryGetValue(key, out var up);
            var lastSeen = up is { Values.Count: > 0 } ? InfluxValue.AsEpochMilliseconds(up.Values[0][0]) : null;
            var upValue = up is not null && up.Values.Count > 0 && up.ColumnIndex(MetricKind.StreamFields.Up) is var i and >= 0
                ? InfluxValue.AsBoolean(up.Values[0][i])
                : null;

            // A stream that is down has no resolution, frame rate or bit rate: the last ones in the window are of the
            // stream before it stopped, and a tile reading "stream DOWN" beside "30.00 fps" would contradict itself.
            var down = upValue == false;
            var width = down ? null : Number(series, MetricKind.StreamFields.Width);
            var height = down ? null : Number(series, MetricKind.StreamFields.Height);
            var fps = down ? null : Number(series, MetricKind.StreamFields.Fps);
            var age = lastSeen is { } seen ? Math.Max(0, (now - seen).TotalSeconds) : (double?)null;
            rooms.Add(new LiveRoomStatus(
                key.Item1,
                key.Item2,
                width,
                height,
                fps,
                down ? null : Number(series, MetricKind.StreamFields.Bitrate),
                upValue,
                lastSeen,
                age,
                Stale: age is null || age > staleAfter.TotalSeconds,
                StreamStandard.MeetsResolution(width, height),
                StreamStandard.MeetsFrameRate(fps)));
        }

        return rooms
            .OrderBy(r => r.Site, StringComparer.Ordinal)
            .ThenBy(r => r.Room, StringComparer.Ordinal)
            .ToList();
    }

    private static InfluxStatementResult First(IReadOnlyList<InfluxStatementResult> results) =>
        results.Count > 0 ? results[0] : new InfluxStatementResult(0, null, []);

    private string From() => string.Create(
        CultureInfo.InvariantCulture,
        $"FROM \"{options.Influx.RetentionPolicy}\".\"{MetricKind.Stream}\" WHERE time > now() - {(long)options.LiveWindow.TotalSeconds}s GROUP BY \"{Site}\", \"{Room}\"");

    private static string Last(string field) => $"last(\"{field}\") AS \"{field}\"";

    private static string Tag(InfluxSeries series, string tag) =>
        series.Tags.TryGetValue(tag, out var value) ? value : string.Empty;

    private static double? Number(InfluxSeries? series, string column)
    {
        if (series is null || series.Values.Count == 0)
        {
            return null;
        }

        var i = series.ColumnIndex(column);
        return i >= 0 && i < series.Values[0].Count ? InfluxValue.AsDouble(series.Values[0][i]) : null;
    }
}
