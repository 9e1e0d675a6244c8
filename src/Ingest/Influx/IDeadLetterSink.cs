namespace LiveRoom.Ingest.Influx;

/// <summary>Where lines InfluxDB refused go (the collector publishes them on the dead-letter topic).</summary>
public interface IDeadLetterSink
{
    void LineRejected(ReadOnlyMemory<byte> line, string error);
}
