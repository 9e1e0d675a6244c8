namespace LiveRoom.Probe.Network;

/// <summary>
/// The collector's clock relative to ours: <see cref="Offset"/> &gt; 0 means the collector is ahead (add it to local
/// time to get collector time). <see cref="Delay"/> is the exchange's round trip less the server's time, the bound on
/// the offset's error (± delay/2).
/// </summary>
public readonly record struct ClockOffset(TimeSpan Offset, TimeSpan Delay, DateTimeOffset MeasuredAt);
