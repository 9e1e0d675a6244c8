namespace LiveRoom.Ingest.Standby;

/// <summary>
/// Primary/standby collectors (seed clause 4.3; section <c>Ingest:Standby</c>). Two or more collectors share the
/// broker, the client id and InfluxDB; one is active and the others wait until its heartbeat ends. See
/// <see cref="CollectorLease"/> for the rules and docs/decisions/0022-collector-standby.md for why.
/// </summary>
public sealed class StandbyOptions
{
    /// <summary>Run as one of several collectors; default false (a single collector starts at once).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// This collector's name among them, unique per collector: letters, digits, '.', '_' and '-', at most 64
    /// characters; default the machine's name. When two are active at once, the one whose name sorts first stays.
    /// </summary>
    public string Instance { get; set; } = Environment.MachineName;
}
