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
        _ => ("broker_unreachable", "MQTT broker unreachable"),
    };
}
