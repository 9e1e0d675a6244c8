using System.Reflection;
using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Ingest.Alerts.Rules;

/// <summary>Kinds and field names a rule may refer to (a rule naming anything else is refused).</summary>
public static class AlertKinds
{
    /// <summary>The edge's retained <c>status</c> topic.</summary>
    public const string Status = "status";

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        MetricKind.Stream, MetricKind.Audio, MetricKind.Vision, MetricKind.Network, MetricKind.Host, MetricKind.Event, MetricKind.Checklist, Status,
    };

    /// <summary>
    /// Every <c>const string</c> of the contracts' <c>*Fields</c> classes (so new fields are known as soon as they are
    /// in Contracts) plus the network and host fields the edge publishes but Contracts does not name yet.
    /// </summary>
    public static readonly IReadOnlySet<string> Fields = BuildFields();

    private static HashSet<string> BuildFields()
    {
        var set = new HashSet<string>(StringComparer.Ordinal)
        {
            "uplink_mbps", "rtt_ms", "rtt_min_ms", "loss_pct", "tx_bps", "rx_bps",
            "cpu_pct", "memory_pct", "disk_free_pct", "disk_free_bytes", "temperature_c", "clock_offset_ms",
        };
        foreach (var type in typeof(MetricKind).Assembly.GetTypes())
        {
            if (type.Namespace?.StartsWith(typeof(MetricKind).Namespace!, StringComparison.Ordinal) != true || !type.Name.EndsWith("Fields", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (f.IsLiteral && f.GetRawConstantValue() is string name)
                {
                    set.Add(name);
                }
            }
        }

        return set;
    }
}
