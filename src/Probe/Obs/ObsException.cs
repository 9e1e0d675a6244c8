namespace LiveRoom.Probe.Obs;

/// <summary>The connection to obs-websocket failed or broke (a transport failure: logged as a warning, then reconnect).</summary>
public class ObsException : Exception
{
    public ObsException(string message)
        : base(message)
    {
    }

    public ObsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The WebSocket close code OBS sent, when it closed the connection.</summary>
    public int? CloseCode { get; init; }
}
