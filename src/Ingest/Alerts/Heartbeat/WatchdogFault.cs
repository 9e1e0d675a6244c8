using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Heartbeat;

/// <summary>What the collector watchdog reports.</summary>
public enum WatchdogFault
{
    /// <summary>The collector's heartbeat session ended without a goodbye (its last will arrived).</summary>
    CollectorDead,

    /// <summary>No heartbeat for the stale time (collector hung, or its session stuck).</summary>
    CollectorSilent,

    /// <summary>The collector is alive but cannot write to InfluxDB (points wait in its spill and the edges' outboxes).</summary>
    InfluxDown,

    /// <summary>The watchdog cannot reach the broker at all (edges cannot deliver either).</summary>
    BrokerUnreachable,

    /// <summary>The collector runs, but in its primary/standby group a member died and none stands by to take over.</summary>
    NoStandby,

    /// <summary>A dashboard's session ended without a goodbye (its last will): the wall is gone or blind, and schedule changes do not reach the edges.</summary>
    DashboardDown,

    /// <summary>Reported by the active collector: the watchdog's session ended without a goodbye, so nobody would page if the collector failed.</summary>
    WatchdogDown,
}

/// <summary>Rule ids and titles of <see cref="WatchdogFault"/> in notices.</summary>
public static class WatchdogFaults
{
    public static (string RuleId, string Title) Describe(WatchdogFault fault) => fault switch
    {
        WatchdogFault.CollectorDead => ("collector_dead", "Collector down (heartbeat session lost)"),
        WatchdogFault.CollectorSilent => ("collector_silent", "Collector silent (no heartbeat)"),
        WatchdogFault.InfluxDown => ("influx_down", "InfluxDB down (collector cannot store metrics)"),
        WatchdogFault.NoStandby => ("standby_missing", "No standby collector ready (none would take over)"),
        WatchdogFault.DashboardDown => ("dashboard_down", "Dashboard down (no room wall; schedule changes do not reach the edges)"),
        WatchdogFault.WatchdogDown => ("watchdog_down", "Watchdog down (nobody would be told if the collector failed)"),
        _ => ("broker_unreachable", "MQTT broker unreachable"),
    };

    /// <summary>
    /// The notice of a fault of the monitoring itself (not of a room): site <c>central</c>, room the part at fault, no
    /// acknowledgement page; critical when metrics are at risk, a warning when only the watching or the wall is.
    /// <c>sequence</c>: distinct per notice of the sender, for the idempotency key.
    /// </summary>
    public static AlertNotice Notice(NoticeKind kind, WatchdogFault fault, DateTimeOffset since, DateTimeOffset now, string? note, IReadOnlyList<RotaEntry> recipients, int sequence)
    {
        var (rule, title) = Describe(fault);
        var id = $"watchdog-{rule}-{since.ToUnixTimeMilliseconds()}";
        var subject = fault switch
        {
            WatchdogFault.DashboardDown => "dashboard",
            WatchdogFault.WatchdogDown => "watchdog",
            _ => "collector",
        };
        var severity = fault is WatchdogFault.NoStandby or WatchdogFault.DashboardDown or WatchdogFault.WatchdogDown ? AlertSeverity.Warning : AlertSeverity.Critical;
        var snapshot = new AlertSnapshot(
            id, rule, title, severity, "central", subject,
            kind == NoticeKind.Resolved ? AlertState.Resolved : AlertState.Firing,
            null, RuleOperator.Offline, 0, since, since, null, null, kind == NoticeKind.Resolved ? now : null, note, 0, null);
        return new AlertNotice(kind, "central/" + subject, [snapshot], recipients, new Dictionary<string, string>(), $"{id}-{kind}-{sequence}", now);
    }
}
