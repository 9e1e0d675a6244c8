namespace LiveRoom.Ingest.Influx;

/// <summary>
/// Result of writing one batch: <paramref name="Handled"/> when every line is stored or was refused by InfluxDB and
/// dead-lettered (<paramref name="Refused"/> lines); not handled when InfluxDB was unreachable (spill the batch).
/// </summary>
public readonly record struct WriteOutcome(bool Handled, int Refused);
