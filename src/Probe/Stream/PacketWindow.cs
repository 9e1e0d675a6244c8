namespace LiveRoom.Probe.Stream;

/// <summary>
/// Packets of one stream over a sliding window of stream time. Rates come from the packets' own timestamps
/// (decode order, monotonic even with B-frames), never from the rate the container declares: 29.97 fps reads 29.97.
/// Also counts timestamp gaps (an interval over 1.5 packet durations) and the frames they leave out (late or dropped),
/// the mean size of non-key packets (how much the encoder says changed: tiny and steady for a frozen picture), the
/// share of packets of the commonest size (a CBR encoder that pads every frame with filler to the same size says
/// nothing about change through its sizes), and irregular frame intervals (variable frame rate).
/// </summary>
internal sealed class PacketWindow(double windowSeconds)
{
    // A timestamp jump beyond this (source restarted, wrapped) starts the window afresh.
    private const double DiscontinuitySeconds = 5;

    // An interval longer than this many packet durations is a gap.
    private const double GapFactor = 1.5;

    // An interval further than this share from the window's median interval is irregular (variable frame rate).
    // Millisecond timestamps (RTMP/FLV) put 30 fps at 33/34 ms, 3 % off: regular.
    private const double IrregularShare = 0.1;

    private readonly Queue<Entry> _packets = new();
    private readonly Dictionary<int, int> _sizes = [];
    private long _bytes;
    private long _interBytes;
    private int _interCount;
    private int _gaps;
    private int _missing;
    private double _lastTime;
    private double? _lastKeyTime;

    /// <summary>Seconds between the last two keyframes; null until two were seen.</summary>
    public double? KeyframeInterval { get; private set; }

    /// <summary>Size of the latest keyframe packet, bytes; null before the first.</summary>
    public int? LastKeyframeBytes { get; private set; }

    public int Count => _packets.Count;

    /// <summary>Timestamp gaps within the window.</summary>
    public int Gaps => _gaps;

    /// <summary>Frames the gaps within the window leave out.</summary>
    public int MissingFrames => _missing;

    /// <summary>Mean size of the non-key packets in the window, bytes; null when there is none.</summary>
    public double? MeanInterBytes => _interCount > 0 ? (double)_interBytes / _interCount : null;

    /// <summary>Share of the window's packets that have its commonest size (1 when filler pads every packet alike); null when empty.</summary>
    public double? SameSizeShare
    {
        get
        {
            if (_packets.Count == 0)
            {
                return null;
            }

            var most = 0;
            foreach (var count in _sizes.Values)
            {
                most = Math.Max(most, count);
            }

            return (double)most / _packets.Count;
        }
    }

    /// <summary>
    /// Intervals between consecutive packets in the window that are more than 10 % off the median interval (a source
    /// with a variable frame rate, or holes); null with fewer than three packets.
    /// </summary>
    public int? IrregularIntervals()
    {
        if (_packets.Count < 3)
        {
            return null;
        }

        var intervals = new double[_packets.Count - 1];
        var i = 0;
        double? previous = null;
        foreach (var p in _packets)
        {
            if (previous is { } t)
            {
                intervals[i++] = p.Time - t;
            }

            previous = p.Time;
        }

        var sorted = (double[])intervals.Clone();
        Array.Sort(sorted);
        var median = sorted[sorted.Length / 2];
        if (median <= 0)
        {
            return null;
        }

        var irregular = 0;
        foreach (var interval in intervals)
        {
            if (Math.Abs(interval - median) > IrregularShare * median)
            {
                irregular++;
            }
        }

        return irregular;
    }

    public void Add(double time, int size, bool key) => Add(time, size, key, 0);

    /// <param name="time">Decode timestamp, seconds.</param>
    /// <param name="size">Bytes.</param>
    /// <param name="key">Keyframe.</param>
    /// <param name="duration">The packet's duration, seconds (0 when unknown: no gap detection).</param>
    public void Add(double time, int size, bool key, double duration)
    {
        var missing = 0;
        if (_packets.Count > 0)
        {
            if (time < _lastTime - DiscontinuitySeconds || time > _lastTime + DiscontinuitySeconds)
            {
                Clear();
            }
            else if (duration > 0 && time - _lastTime > GapFactor * duration)
            {
                missing = Math.Max(1, (int)Math.Round((time - _lastTime) / duration) - 1);
            }
        }

        var entry = new Entry(time, size, key, missing);
        _packets.Enqueue(entry);
        Tally(entry, 1);
        _lastTime = time;
        while (_packets.Peek().Time < time - windowSeconds)
        {
            Tally(_packets.Dequeue(), -1);
        }

        if (key)
        {
            if (_lastKeyTime is { } previous && time > previous)
            {
                KeyframeInterval = time - previous;
            }

            _lastKeyTime = time;
            LastKeyframeBytes = size;
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
        _sizes.Clear();
        _bytes = 0;
        _interBytes = 0;
        _interCount = 0;
        _gaps = 0;
        _missing = 0;
        _lastKeyTime = null;
        KeyframeInterval = null;
    }

    private void Tally(Entry entry, int sign)
    {
        _bytes += sign * entry.Size;
        var same = _sizes.GetValueOrDefault(entry.Size) + sign;
        if (same > 0)
        {
            _sizes[entry.Size] = same;
        }
        else
        {
            _sizes.Remove(entry.Size);
        }

        if (!entry.Key)
        {
            _interBytes += sign * entry.Size;
            _interCount += sign;
        }

        if (entry.Missing > 0)
        {
            _gaps += sign;
            _missing += sign * entry.Missing;
        }
    }

    private double Span() => _packets.Count < 2 ? 0 : _lastTime - _packets.Peek().Time;

    private readonly record struct Entry(double Time, int Size, bool Key, int Missing);
}
