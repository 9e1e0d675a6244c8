using System.Net;

namespace LiveRoom.Ingest.Influx;

/// <summary>The answer to one <c>/write</c> attempt: status, HTTP code (0 without a response) and InfluxDB's error text.</summary>
public sealed record InfluxWriteResult(InfluxWriteStatus Status, HttpStatusCode? HttpStatus, string? Error)
{
    public static readonly InfluxWriteResult Written = new(InfluxWriteStatus.Written, HttpStatusCode.NoContent, null);

    public override string ToString() => $"{Status} ({(int?)HttpStatus}): {Error}";
}
