using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Dashboard.Influx;

namespace LiveRoom.Dashboard.Rooms;

/// <summary>The wall tile's extras: the edge's uplink (measurement <c>network</c>) and the sparkline history.</summary>
internal sealed partial class LiveRoomsQuery
{
    /// <summary>NIC transmit rate, bits per second (field the probe writes; the passive uplink).</summary>
    public const string TxBps = "tx_bps";

    /// <summary>Mbit/s acknowledged in the last active uplink test (only in the point after a test).</summary>
    public const string UplinkMbps = "uplink_mbps";

    /// <summary>How far back the sparkline goes: 5 minutes.</summary>
    public static readonly TimeSpan HistoryWindow = TimeSpan.FromMinutes(5);

    /// <summary>One sparkline point per 10 s (30 points per room: cheap on every InfluxDB).</summary>
    public static readonly TimeSpan HistoryInterval = TimeSpan.FromSeconds(10);

    /// <summary>An active uplink test runs every few minutes; an older result is not shown: 1 h.</summary>
    public static readonly TimeSpan UplinkTestLookback = TimeSpan.FromHours(1);

    /// <summary>Each room's newest NIC transmit rate in the live window.</summary>
    public string BuildTxQuery() => NetworkQuery(TxBps, options.LiveWindow);

    /// <summary>Each room's newest uplink test result within <see cref="UplinkTestLookback"/>.</summary>
    public string BuildUplinkQuery() => NetworkQuery(UplinkMbps, UplinkTestLookback);

    /// <summary>Mean fps and bitrate per room per <see cref="HistoryInterval"/> over <see cref="HistoryWindow"/>.</summary>
    public string BuildHistoryQuery() => string.Create(
        CultureInfo.InvariantCulture,
        $"SELECT mean(\"{MetricKind.StreamFields.Fps}\") AS \"{MetricKind.StreamFields.Fps}\", mean(\"{MetricKind.StreamFields.Bitrate}\") AS \"{MetricKind.StreamFields.Bitrate}\" "
        + $"FROM \"{options.Influx.RetentionPolicy}\".\"{MetricKind.Stream}\" WHERE time > now() - {(long)HistoryWindow.TotalSeconds}s "
        + $"GROUP BY time({(long)HistoryInterval.TotalSeconds}s), \"{Site}\", \"{Room}\" fill(none)");

    /// <summary>Adds each room's transmit rate and last uplink test to its status.</summary>
    internal static IReadOnlyList<LiveRoomStatus> WithNetwork(IReadOnlyList<LiveRoomStatus> rooms, (InfluxStatementResult Tx, InfluxStatementResult Uplink)? network)
    {
        if (network is not { } n)
        {
            return rooms;
        }

        var tx = n.Tx.Series.ToDictionary(s => (Tag(s, Site), Tag(s, Room)));
        var uplink = n.Uplink.Series.ToDictionary(s => (Tag(s, Site), Tag(s, Room)));
        return rooms.Select(r =>
        {
            tx.TryGetValue((r.Site, r.Room), out var t);
            uplink.TryGetValue((r.Site, r.Room), out var u);
            return r with
            {
                TxBps = Number(t, TxBps),
                UplinkMbps = Number(u, UplinkMbps),
                UplinkTestedAt = u is { Values.Count: > 0 } ? InfluxValue.AsEpochMilliseconds(u.Values[0][0]) : null,
            };
        }).ToList();
    }

    /// <summary>One <see cref="RoomHistory"/> per series of <see cref="BuildHistoryQuery"/>, ordered by site then room.</summary>
    internal static IReadOnlyList<RoomHistory> MapHistory(InfluxStatementResult result, TimeSpan interval)
    {
        var rooms = new List<RoomHistory>();
        foreach (var s in result.Series)
        {
            var fps = s.ColumnIndex(MetricKind.StreamFields.Fps);
            var bitrate = s.ColumnIndex(MetricKind.StreamFields.Bitrate);
            var times = new List<long>();
            var fpsValues = new List<double?>();
            var bitrateValues = new List<double?>();
            foreach (var row in s.Values)
            {
                if (InfluxValue.AsEpochMilliseconds(row[0]) is not { } at)
                {
                    continue;
                }

                times.Add(at.ToUnixTimeMilliseconds());
                fpsValues.Add(fps >= 0 ? InfluxValue.AsDouble(row[fps]) : null);
                bitrateValues.Add(bitrate >= 0 ? InfluxValue.AsDouble(row[bitrate]) : null);
            }

            rooms.Add(new RoomHistory(Tag(s, Site), Tag(s, Room), interval.TotalSeconds, times, fpsValues, bitrateValues));
        }

        return rooms.OrderBy(r => r.Site, StringComparer.Ordinal).ThenBy(r => r.Room, StringComparer.Ordinal).ToList();
    }

    private async Task<(InfluxStatementResult, InfluxStatementResult)?> NetworkAsync(CancellationToken cancellationToken)
    {
        try
        {
            var tx = influx.QueryAsync(BuildTxQuery(), cancellationToken);
            var uplink = influx.QueryAsync(BuildUplinkQuery(), cancellationToken);
            var results = await Task.WhenAll(tx, uplink);
            return (First(results[0]), First(results[1]));
        }
        catch (InfluxQueryException)
        {
            // As with alerts: the tiles report InfluxDB problems already; the uplink is then simply unknown.
            return null;
        }
    }

    private async Task<IReadOnlyList<RoomHistory>?> HistoryAsync(CancellationToken cancellationToken)
    {
        try
        {
            return MapHistory(First(await influx.QueryAsync(BuildHistoryQuery(), cancellationToken)), HistoryInterval);
        }
        catch (InfluxQueryException)
        {
            return null;
        }
    }

    private string NetworkQuery(string field, TimeSpan window) => string.Create(
        CultureInfo.InvariantCulture,
        $"SELECT last(\"{field}\") AS \"{field}\" FROM \"{options.Influx.RetentionPolicy}\".\"{MetricKind.Network}\" "
        + $"WHERE time > now() - {(long)window.TotalSeconds}s GROUP BY \"{Site}\", \"{Room}\"");
}
