namespace LiveRoom.Dashboard.Influx;

/// <summary>The result of one InfluxQL statement: its series, or the error InfluxDB reported for it.</summary>
internal sealed record InfluxStatementResult(int StatementId, string? Error, IReadOnlyList<InfluxSeries> Series)
{
    /// <summary>
    /// InfluxDB's wording when the database or retention policy does not exist yet: the collector creates
    /// both on its first start, so this means "nothing written yet", not a failure.
    /// </summary>
    public bool IsNotCreatedYet =>
        Error?.StartsWith("database not found", StringComparison.Ordinal) == true
        || Error?.StartsWith("retention policy not found", StringComparison.Ordinal) == true;
}
