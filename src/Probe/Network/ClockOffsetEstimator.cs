namespace LiveRoom.Probe.Network;

/// <summary>
/// NTP-style clock offset against the collector from time-stamped replies: with t0 = request sent, t1 = request
/// received (server), t2 = reply sent (server), t3 = reply received, offset = ((t1 − t0) + (t2 − t3)) / 2 and delay =
/// (t3 − t0) − (t2 − t1). Of the last <see cref="NetworkDefaults.ClockWindow"/> samples no older than
/// <see cref="NetworkDefaults.ClockMaxAge"/>, the one with the smallest delay is current (NTP's clock filter: the least
/// queued exchange is the most accurate). Thread-safe.
/// </summary>
public sealed class ClockOffsetEstimator(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Queue<ClockOffset> _samples = new();

    /// <summary>The best recent sample, or null when there is none.</summary>
    public ClockOffset? Current
    {
        get
        {
            var oldest = time.GetUtcNow() - NetworkDefaults.ClockMaxAge;
            lock (_gate)
            {
                return _samples.Where(s => s.MeasuredAt >= oldest).OrderBy(s => s.Delay).Cast<ClockOffset?>().FirstOrDefault();
            }
        }
    }

    public static ClockOffset Compute(DateTimeOffset t0, DateTimeOffset t1, DateTimeOffset t2, DateTimeOffset t3)
    {
        var offset = ((t1 - t0) + (t2 - t3)) / 2;
        var delay = (t3 - t0) - (t2 - t1);
        return new ClockOffset(offset, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, t3);
    }

    /// <summary>Adds an exchange with both server times.</summary>
    public ClockOffset Add(DateTimeOffset t0, DateTimeOffset t1, DateTimeOffset t2, DateTimeOffset t3) => Add(Compute(t0, t1, t2, t3));

    /// <summary>Adds a sample made by <see cref="Compute"/> (e.g. by <see cref="UplinkTester"/>).</summary>
    public ClockOffset Add(ClockOffset sample)
    {
        lock (_gate)
        {
            _samples.Enqueue(sample);
            while (_samples.Count > NetworkDefaults.ClockWindow)
            {
                _samples.Dequeue();
            }
        }

        return sample;
    }

    /// <summary>Adds an exchange whose reply carries one server time (t1 = t2 = <paramref name="serverTime"/>).</summary>
    public ClockOffset Add(DateTimeOffset t0, DateTimeOffset serverTime, DateTimeOffset t3) => Add(t0, serverTime, serverTime, t3);
}
