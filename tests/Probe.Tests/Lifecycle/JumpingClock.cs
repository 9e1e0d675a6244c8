namespace LiveRoom.Probe.Tests.Lifecycle;

/// <summary>A clock whose wall time can jump (NTP step, operator) while the monotonic clock keeps going.</summary>
internal sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _wall = start;
    private long _ticks;

    public override DateTimeOffset GetUtcNow() => _wall;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan d)
    {
        _wall += d;
        _ticks += d.Ticks;
    }

    public void Jump(TimeSpan d) => _wall += d;
}
