namespace LiveRoom.Ingest.Options;

/// <summary>InfluxDB v1 HTTP API settings (section <c>Ingest:Influx</c>).</summary>
public sealed class InfluxOptions
{
    /// <summary>Base URL, e.g. <c>http://127.0.0.1:8086</c>.</summary>
    public string Url { get; set; } = IngestDefaults.InfluxUrl;

    public string Database { get; set; } = IngestDefaults.Database;

    public string RetentionPolicy { get; set; } = IngestDefaults.RetentionPolicy;

    /// <summary>Days InfluxDB keeps points; default 90, at least 60 (seed clauses 6.2.3 and 7.4.5).</summary>
    public int RetentionDays { get; set; } = IngestDefaults.RetentionDays;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Lines per write; default 5,000.</summary>
    public int BatchSize { get; set; } = IngestDefaults.BatchSize;

    /// <summary>Longest a point waits in a partly filled batch; default 1 s.</summary>
    public TimeSpan FlushInterval { get; set; } = IngestDefaults.FlushInterval;

    /// <summary>A partly filled batch is written after this long without a new message; default 20 ms (zero: only <see cref="FlushInterval"/>).</summary>
    public TimeSpan IdleFlush { get; set; } = IngestDefaults.IdleFlush;

    /// <summary>Writes in flight at once; default 2.</summary>
    public int MaxConcurrentWrites { get; set; } = IngestDefaults.MaxConcurrentWrites;

    /// <summary>Timeout of one attempt; default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = IngestDefaults.RequestTimeout;

    /// <summary>Retries (exponential backoff with jitter) before a batch is spilled to disk; default 5.</summary>
    public int MaxRetryAttempts { get; set; } = IngestDefaults.MaxRetryAttempts;

    /// <summary>First retry delay; default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = IngestDefaults.RetryBaseDelay;

    /// <summary>Cap of the retry delay; default 5 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = IngestDefaults.RetryMaxDelay;

    /// <summary>How often the spill drainer probes InfluxDB while it is down; default 2 s.</summary>
    public TimeSpan DrainProbeInterval { get; set; } = IngestDefaults.DrainProbeInterval;

    /// <summary>Largest spill segment file; default 64 MiB.</summary>
    public long SpillSegmentBytes { get; set; } = IngestDefaults.SpillSegmentBytes;
}
