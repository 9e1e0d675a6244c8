namespace LiveRoom.Probe.Network;

/// <summary>Transmit and receive rates from successive /proc/net/dev readings of one interface.</summary>
internal sealed class NicRateMeter(TimeProvider time)
{
    private NicCounters? _last;
    private long _lastAt;

    /// <summary>Bits per second since the previous reading; null on the first, after a counter reset, or on another interface.</summary>
    public (double? TxBps, double? RxBps) Next(NicCounters counters, long timestamp)
    {
        var previous = _last;
        var seconds = previous is null ? 0 : time.GetElapsedTime(_lastAt, timestamp).TotalSeconds;
        (_last, _lastAt) = (counters, timestamp);
        if (previous is null || previous.Name != counters.Name || seconds <= 0
            || counters.TxBytes < previous.TxBytes || counters.RxBytes < previous.RxBytes)
        {
            return (null, null);
        }

        return ((counters.TxBytes - previous.TxBytes) * 8 / seconds, (counters.RxBytes - previous.RxBytes) * 8 / seconds);
    }

    public void Reset() => _last = null;
}
