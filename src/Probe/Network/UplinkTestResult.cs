namespace LiveRoom.Probe.Network;

/// <summary>
/// One active uplink test. <see cref="Mbps"/> is what the server acknowledged receiving (bytes ÷ its own seconds),
/// not what left the socket buffer. A failed test is a result with <see cref="Error"/> set, not an exception.
/// </summary>
public sealed record UplinkTestResult
{
    public bool Ok => Error is null;

    public double? Mbps { get; init; }

    public long BytesSent { get; init; }

    public long BytesAcknowledged { get; init; }

    public double ServerSeconds { get; init; }

    public double ClientSeconds { get; init; }

    /// <summary>The clock sample the exchange gave, when the reply carried <c>serverTime</c>.</summary>
    public ClockOffset? Clock { get; init; }

    public string? Error { get; init; }

    /// <summary>How long the test waited for the collector to have a slot free (its 503 answers), before it ran or gave up.</summary>
    public TimeSpan BusyWaited { get; init; }

    public static UplinkTestResult Failed(string error, long bytesSent = 0) => new() { Error = error, BytesSent = bytesSent };
}
