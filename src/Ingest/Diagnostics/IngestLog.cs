using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Diagnostics;

/// <summary>Every log event of the collector, one line each, structured (STYLE.md rule 12).</summary>
internal static partial class IngestLog
{
    [LoggerMessage(1, LogLevel.Information, "Collector started: MQTT {Broker} as {ClientId}, InfluxDB {InfluxUrl} database {Database} (retention {RetentionDays} d)")]
    public static partial void Started(ILogger logger, string broker, string clientId, Uri influxUrl, string database, int retentionDays);

    [LoggerMessage(2, LogLevel.Warning, "InfluxDB at {InfluxUrl} is not ready ({Error}); retrying in {Delay}")]
    public static partial void DatabaseNotReady(ILogger logger, Uri influxUrl, string error, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Information, "InfluxDB at {InfluxUrl}: database {Database} with retention policy {RetentionPolicy} of {RetentionDays} d is ready")]
    public static partial void DatabaseReady(ILogger logger, Uri influxUrl, string database, string retentionPolicy, int retentionDays);

    [LoggerMessage(4, LogLevel.Warning, "MQTT broker {Broker} refused or failed the connection ({Error}); retrying in {Delay}")]
    public static partial void BrokerNotReady(ILogger logger, string broker, string error, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Warning, "Rejected a payload on {Topic}: {Reason}: {Detail} ({Suppressed} similar suppressed)")]
    public static partial void Rejected(ILogger logger, string topic, string reason, string detail, long suppressed);

    [LoggerMessage(6, LogLevel.Error, "Failed to handle a message on {Topic}")]
    public static partial void MessageFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "InfluxDB write attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void WriteRetry(ILogger logger, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(8, LogLevel.Error, "InfluxDB refused lines (HTTP 400, not retried; the rest of the batch is stored, refused lines are dead-lettered): {Error}")]
    public static partial void WriteRejected(ILogger logger, string error);

    [LoggerMessage(9, LogLevel.Warning, "InfluxDB at {InfluxUrl} is unavailable after the retry budget ({Error}); {Lines} lines go to the spill buffer")]
    public static partial void Spilling(ILogger logger, Uri influxUrl, string error, int lines);

    [LoggerMessage(10, LogLevel.Information, "Spill buffer drained: {Records} batches written to InfluxDB")]
    public static partial void Drained(ILogger logger, long records);

    [LoggerMessage(11, LogLevel.Error, "A background loop of the collector failed: {Loop}")]
    public static partial void LoopFailed(ILogger logger, string loop, Exception exception);

    [LoggerMessage(12, LogLevel.Information, "Ingest: {Stats}")]
    public static partial void Stats(ILogger logger, IngestStats stats);

    [LoggerMessage(13, LogLevel.Warning, "Publishing to {Topic} failed")]
    public static partial void PublishFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(14, LogLevel.Warning, "Out-of-order window of edge {Site}/{Room}/{Edge} exceeded {Max} sequence numbers; reset (the edge re-sends what stays unacknowledged)")]
    public static partial void AckWindowOverflow(ILogger logger, string site, string room, string edge, int max);

    [LoggerMessage(15, LogLevel.Warning, "Spill buffer: dropped the torn tail of {Segment} at offset {Offset} (a crash during an append)")]
    public static partial void SpillTornTail(ILogger logger, string segment, long offset);

    [LoggerMessage(16, LogLevel.Information, "Collector stopped: {Stats}")]
    public static partial void Stopped(ILogger logger, IngestStats stats);
}
