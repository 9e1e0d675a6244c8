namespace LiveRoom.Probe.Stream;

/// <summary>
/// Packets of one stream over a sliding window of stream time. Rates come from the packets' own timestamps
/// (decode order, monotonic even with B-frames), never from the rate the container declares: 29.97 fps reads 29.97.
/// </summary>
internal sealed class PacketWindow(double windowSeconds)
{
    // A timestamp jump beyond this (source restarted, wrapped) starts the window afresh.
    private const double DiscontinuitySeconds = 5;

    private readonly Queue<(double Time, int Size)> _packets = new();
    private long _bytes;
    private double _lastTime;
    private double? _lastKeyTime;

    /// <summary>Seconds between the last two keyframes; null until two were seen.</summary>
    public double? KeyframeInterval { get; private set; }

    public int Count => _packets.Count;

    public void Add(double time, int size, bool key)
    {
        if (_packets.Count > 0)
        {
            if (time < _lastTime - DiscontinuitySeconds || time > _lastTime + DiscontinuitySeconds)
            {
                Clear();
            }
        }

        _packets.Enqueue((time, size));
        _lastTime = time;
        _bytes += size;
        while (_packets.Peek().Time < time - windowSeconds)
        {
            _bytes -= _packets.Dequeue().Size;
        }

        if (key)
        {
            if (_lastKeyTime is { } previous && time > previous)
            {
                KeyframeInterval = time - previous;
            }

            _lastKeyTime = time;
        }
    }

    /// <summary>Packets per second: intervals over the time they span; null with fewer than two packets.</summary>
    public double? Rate()
    {
        var span = Span();
        return span > 0 ? (_packets.Count - 1) / span : null;
    }

    /// <summary>Bits per second: the bytes after the first packet over the time spanned.</summary>
    public double? BitsPerSecond()
    {
        var span = Span();
        return span > 0 ? (_bytes - _packets.Peek().Size) * 8.0 / span : null;
    }

    public void Clear()
    {
        _packets.Clear();
        _bytes = 0;
        _lastKeyTime = null;
        KeyframeInterval = null;
    }

    private double Span() => _packets.Count < 2 ? 0 : _lastTime - _packets.Peek().Time;
}
