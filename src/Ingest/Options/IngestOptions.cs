namespace LiveRoom.Ingest.Options;

/// <summary>The collector's settings (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public IngestMqttOptions Mqtt { get; set; } = new();

    public InfluxOptions Influx { get; set; } = new();

    /// <summary>Alert rules, notifications and the acknowledgement page (section <c>Ingest:Alerts</c>, issue 7).</summary>
    public Alerts.AlertOptions Alerts { get; set; } = new();

    /// <summary>Primary/standby collectors (section <c>Ingest:Standby</c>, seed clause 4.3); off by default.</summary>
    public Standby.StandbyOptions Standby { get; set; } = new();

    /// <summary>The edges' uplink test endpoint (section <c>Ingest:Uplink</c>, seed clause 6.2.1.1); off by default.</summary>
    public Uplink.UplinkOptions Uplink { get; set; } = new();

    /// <summary>Directory for the collector's own state (the spill buffer lives in <c>spill/</c> under it).</summary>
    public string StateDirectory { get; set; } = IngestDefaults.StateDirectory;

    /// <summary>Received messages waiting for a worker; default 1,024. When full, the MQTT dispatcher waits (back-pressure).</summary>
    public int QueueCapacity { get; set; } = IngestDefaults.QueueCapacity;

    /// <summary>Parallel parse/encode workers; default one per core, at most 4.</summary>
    public int Workers { get; set; } = IngestDefaults.Workers;

    /// <summary>Shortest time between two acknowledgements of one room; default 200 ms.</summary>
    public TimeSpan AckInterval { get; set; } = IngestDefaults.AckInterval;

    /// <summary>Out-of-order sequence numbers remembered per edge; default 1,000,000.</summary>
    public int MaxPendingSequences { get; set; } = IngestDefaults.MaxPendingSequences;

    /// <summary>How often counters are logged; default 60 s.</summary>
    public TimeSpan StatsInterval { get; set; } = IngestDefaults.StatsInterval;
}
