namespace LiveRoom.Dashboard.Collectors;

/// <summary>
/// Whether metrics are being collected: the active collector's heartbeat as the dashboard last heard it. The room wall
/// carries it, so a technician or manager reading tiles and charts knows whether they are current.
/// </summary>
/// <param name="State">One of <see cref="CollectorStates"/>.</param>
/// <param name="Instance">The collector the latest heartbeat names (null for a single collector, or none heard).</param>
/// <param name="Since">When the dashboard saw this state begin (null when it began before the dashboard connected).</param>
/// <param name="LastHeartbeatAt">When the dashboard last received an "alive" heartbeat (its own clock), if ever.</param>
/// <param name="TookOverFrom">The collector <paramref name="Instance"/> replaced, when the dashboard saw a takeover.</param>
/// <param name="Message">One sentence for the page and the API's reader.</param>
public sealed record CollectorStatusView(
    string State,
    string? Instance,
    DateTimeOffset? Since,
    DateTimeOffset? LastHeartbeatAt,
    string? TookOverFrom,
    string Message)
{
    /// <summary>With primary/standby collectors: each one's presence, by name (empty for a single collector).</summary>
    public IReadOnlyList<Contracts.Payloads.CollectorMember> Group { get; init; } = [];

    /// <summary>Write batches waiting in the collector's spill buffer for InfluxDB, as its latest heartbeat said (null: not said).</summary>
    public long? SpillBatches { get; init; }

    /// <summary>Why no standby would take over if the active collector failed (null while one is ready, or without a group).</summary>
    public string? StandbyWarning { get; init; }

    /// <summary>Each collector watchdog's presence (<c>liveroom-ingest watchdog</c>), by client id; empty when none has announced itself.</summary>
    public IReadOnlyList<Contracts.Payloads.ServicePresenceEntry> Watchdogs { get; init; } = [];

    /// <summary>Why nobody would be told if the collector failed: every known watchdog is down or stopped (null otherwise).</summary>
    public string? WatchdogWarning { get; init; }

    /// <summary>Metrics are being collected and stored.</summary>
    public bool Healthy => State == CollectorStates.Running;
}

/// <summary>The states of <see cref="CollectorStatusView"/>.</summary>
public static class CollectorStates
{
    /// <summary>Alive, heartbeat on time, InfluxDB healthy.</summary>
    public const string Running = "running";

    /// <summary>Alive, but it reports InfluxDB unhealthy: points wait in its spill buffer.</summary>
    public const string InfluxDown = "influx-down";

    /// <summary>Its last heartbeat is more than three intervals old (hung, or the broker lost its session).</summary>
    public const string Silent = "silent";

    /// <summary>Its last will arrived: crashed, killed or cut off.</summary>
    public const string Down = "down";

    /// <summary>Stopped cleanly.</summary>
    public const string Stopped = "stopped";

    /// <summary>The dashboard is connected but no collector has published a heartbeat.</summary>
    public const string Unknown = "unknown";

    /// <summary>The dashboard's MQTT connection is down, so it cannot tell.</summary>
    public const string NoLink = "no-link";

    /// <summary>The dashboard has no MQTT connection configured.</summary>
    public const string Off = "off";
}
