namespace LiveRoom.Ingest.Influx;

/// <summary>InfluxDB could not be reached or refused a query; the message names the URL and InfluxDB's error.</summary>
public sealed class InfluxException : Exception
{
    public InfluxException()
    {
    }

    public InfluxException(string message)
        : base(message)
    {
    }

    public InfluxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
