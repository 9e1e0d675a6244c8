using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Sinks;

namespace LiveRoom.Probe.Network;

/// <summary>Field names and event types of <c>network</c> points.</summary>
public static class NetworkPoints
{
    /// <summary>NIC transmit rate, bits per second (the passive uplink).</summary>
    public const string TxBps = "tx_bps";

    /// <summary>NIC receive rate, bits per second.</summary>
    public const string RxBps = "rx_bps";

    /// <summary>Median TCP connect time to the ingest host, ms.</summary>
    public const string RttMs = "rtt_ms";

    public const string RttMinMs = "rtt_min_ms";

    /// <summary>Failed connects of the last probe, percent.</summary>
    public const string LossPercent = "loss_pct";

    /// <summary>Mbit/s acknowledged by the collector in the last uplink test (only in the point after a test).</summary>
    public const string UplinkMbps = "uplink_mbps";

    /// <summary>The collector's clock minus ours, ms (only in the point after a clock exchange).</summary>
    public const string ClockOffsetMs = "clock_offset_ms";

    public const string EventIngestUnreachable = "ingest_unreachable";
    public const string EventIngestReachable = "ingest_reachable";
    public const string EventUplinkLow = "uplink_low";
    public const string EventUplinkTestFailed = "uplink_test_failed";
    public const string EventInterfaceMissing = "network_interface_missing";

    internal static MetricPoint Measurement(long ts, double? txBps, double? rxBps, RttSample? rtt, double? uplinkMbps, ClockOffset? clock)
    {
        var f = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        SinkPoints.AddNumber(f, TxBps, txBps is { } tx ? Math.Round(tx) : null);
        SinkPoints.AddNumber(f, RxBps, rxBps is { } rx ? Math.Round(rx) : null);
        if (rtt is not null)
        {
            SinkPoints.AddNumber(f, RttMs, rtt.RttMs is { } r ? Math.Round(r, 3) : null);
            SinkPoints.AddNumber(f, RttMinMs, rtt.MinRttMs is { } m ? Math.Round(m, 3) : null);
            f[LossPercent] = Math.Round(rtt.LossPercent, 2);
        }

        SinkPoints.AddNumber(f, UplinkMbps, uplinkMbps is { } u ? Math.Round(u, 3) : null);
        SinkPoints.AddNumber(f, ClockOffsetMs, clock is { } c ? Math.Round(c.Offset.TotalMilliseconds, 3) : null);
        return SinkPoints.Measurement(MetricKind.Network, ts, f);
    }
}
