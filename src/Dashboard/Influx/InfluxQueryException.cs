namespace LiveRoom.Dashboard.Influx;

/// <summary>InfluxDB could not be reached or refused a query; the message says which and why.</summary>
public sealed class InfluxQueryException : Exception
{
    public InfluxQueryException()
    {
    }

    public InfluxQueryException(string message)
        : base(message)
    {
    }

    public InfluxQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
