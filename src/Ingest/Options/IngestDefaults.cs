namespace LiveRoom.Ingest.Options;

/// <summary>Documented defaults of the collector's options (STYLE.md rule 6: one constants file).</summary>
public static class IngestDefaults
{
    /// <summary>Configuration section of <see cref="IngestOptions"/>.</summary>
    public const string Section = "Ingest";

    /// <summary>Fixed MQTT client id, so the broker keeps one persistent session for the collector.</summary>
    public const string ClientId = "liveroom-ingest";

    public const string MqttHost = "127.0.0.1";
    public const int MqttPort = 1883;

    public const string InfluxUrl = "http://127.0.0.1:8086";
    public const string Database = "liveroom";
    public const string RetentionPolicy = "liveroom";

    /// <summary>How long InfluxDB keeps points: 90 days.</summary>
    public const int RetentionDays = 90;

    /// <summary>Seed clauses 6.2.3 and 7.4.5: at least 60 days of history must be kept.</summary>
    public const int MinRetentionDays = 60;

    public const int MaxRetentionDays = 36_500;

    /// <summary>Lines per InfluxDB write.</summary>
    public const int BatchSize = 5_000;

    /// <summary>Longest a point waits in a partly filled batch.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A partly filled batch is written once no message has arrived for this long: at the end of a burst the tail
    /// goes out at once instead of waiting for <see cref="FlushInterval"/>; a steady stream still fills whole batches.
    /// </summary>
    public static readonly TimeSpan IdleFlush = TimeSpan.FromMilliseconds(20);

    /// <summary>InfluxDB writes in flight at once.</summary>
    public const int MaxConcurrentWrites = 2;

    /// <summary>Timeout of one write or query attempt.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Retries of one write before the batch goes to the spill buffer.</summary>
    public const int MaxRetryAttempts = 5;

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>How often the spill drainer probes InfluxDB while it is unreachable.</summary>
    public static readonly TimeSpan DrainProbeInterval = TimeSpan.FromSeconds(2);

    /// <summary>Largest spill segment file before a new one is started.</summary>
    public const long SpillSegmentBytes = 64L * 1024 * 1024;

    /// <summary>Received messages waiting for a worker (at most 64 KiB each, so at most 64 MiB).</summary>
    public const int QueueCapacity = 1_024;

    /// <summary>Parse/encode workers: one per core, at most 4.</summary>
    public static readonly int Workers = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Shortest time between two acknowledgements of one room.</summary>
    public static readonly TimeSpan AckInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Out-of-order sequence numbers remembered per edge before the window is reset.</summary>
    public const int MaxPendingSequences = 1_000_000;

    /// <summary>How often the counters are logged.</summary>
    public static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(60);

    /// <summary>State directory (spill buffer) when none is configured.</summary>
    public const string StateDirectory = "var/ingest";
}
