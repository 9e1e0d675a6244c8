namespace LiveRoom.Ingest.Influx;

/// <summary>How InfluxDB answered one <c>/write</c> attempt.</summary>
public enum InfluxWriteStatus
{
    /// <summary>204: every line is stored.</summary>
    Written,

    /// <summary>400: some or all lines were refused (a partial write); never retried.</summary>
    Rejected,

    /// <summary>413: the body is too large; split and send again.</summary>
    TooLarge,

    /// <summary>5xx, 404 (no database yet), 401/403, a timeout or a connection error: worth retrying.</summary>
    Transient,
}
