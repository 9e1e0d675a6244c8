namespace LiveRoom.Probe.Stream;

/// <summary>
/// Turns framecrc lines of one reader process into <see cref="StreamSample"/>s. Lines arrive on the process's reader
/// thread, samples are taken on the sampling timer: one lock guards both. Up means a packet arrived within the stall
/// timeout (by the injected <see cref="TimeProvider"/>).
/// </summary>
internal sealed class StreamMeter(TimeProvider time, TimeSpan window, TimeSpan stallTimeout)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, StreamInfo> _streams = [];
    private readonly Dictionary<int, PacketWindow> _windows = [];
    private readonly StreamDumpParser _dump = new();
    private long? _lastPacketAt;
    private long? _upSince;

    /// <summary>Packet lines that could not be parsed (counted, never fatal).</summary>
    public long BadLines { get; private set; }

    /// <summary>A new reader process starts: forget the old layout and windows.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _streams.Clear();
            _windows.Clear();
            _lastPacketAt = null;
            _upSince = null;
            _dump.Reset();
        }
    }

    /// <summary>A stderr line of the reader (the input dump names the codec profiles).</summary>
    public void OnStderrLine(string line)
    {
        lock (_gate)
        {
            _dump.OnLine(line);
        }
    }

    /// <summary>The tracks ffmpeg's input dump listed; null until the dump is complete.</summary>
    public ReaderLayout? InputTracks
    {
        get { lock (_gate) { return _dump.InputKnown ? new ReaderLayout(_dump.InputHasVideo, _dump.InputHasAudio) : null; } }
    }

    /// <summary>Whether any packet arrived since the reader started.</summary>
    public bool HadPackets
    {
        get { lock (_gate) { return _upSince is not null; } }
    }

    public void OnLine(string line)
    {
        lock (_gate)
        {
            if (line.StartsWith('#'))
            {
                FramecrcParser.TryApplyHeader(line, _streams);
                return;
            }

            if (!FramecrcParser.TryParsePacket(line, out var packet))
            {
                BadLines++;
                return;
            }

            var stamp = packet.Dts != FramecrcPacket.NoTimestamp ? packet.Dts : packet.Pts;
            if (stamp == FramecrcPacket.NoTimestamp)
            {
                return;
            }

            var timeBase = _streams.TryGetValue(packet.StreamIndex, out var info) ? info.TimeBase : 1.0 / 90_000;
            if (!_windows.TryGetValue(packet.StreamIndex, out var packets))
            {
                _windows[packet.StreamIndex] = packets = new PacketWindow(window.TotalSeconds);
            }

            packets.Add(stamp * timeBase, packet.Size, packet.Key, packet.Duration > 0 ? packet.Duration * timeBase : 0);
            var now = time.GetTimestamp();
            _lastPacketAt = now;
            _upSince ??= now;
        }
    }

    /// <summary>True when packets had been flowing and then stopped for longer than the stall timeout.</summary>
    public bool IsStalled()
    {
        lock (_gate)
        {
            return _lastPacketAt is { } last && time.GetElapsedTime(last) > stallTimeout;
        }
    }

    public StreamSample Sample()
    {
        lock (_gate)
        {
            if (_lastPacketAt is not { } last || time.GetElapsedTime(last) > stallTimeout)
            {
                return new StreamSample { Up = false };
            }

            var video = First(static s => s.IsVideo);
            var audio = First(static s => s.IsAudio);
            double? total = null;
            foreach (var w in _windows.Values)
            {
                if (w.BitsPerSecond() is { } bps)
                {
                    total = (total ?? 0) + bps;
                }
            }

            return new StreamSample
            {
                Up = true,
                Width = video.Info?.Width is > 0 ? video.Info.Width : null,
                Height = video.Info?.Height is > 0 ? NormaliseHeight(video.Info.Height) : null,
                Fps = video.Window?.Rate(),
                VideoBitsPerSecond = video.Window?.BitsPerSecond(),
                AudioBitsPerSecond = audio.Window?.BitsPerSecond(),
                TotalBitsPerSecond = total,
                KeyframeInterval = video.Window?.KeyframeInterval,
                VideoCodec = NullIfEmpty(video.Info?.Codec),
                AudioCodec = NullIfEmpty(audio.Info?.Codec),
                VideoProfile = _dump.VideoProfile,
                HasVideo = video.Info is not null,
                HasAudio = audio.Info is not null,
                DroppedFrames = video.Window?.MissingFrames,
                TimestampGaps = video.Window?.Gaps,
                IrregularIntervals = video.Window?.IrregularIntervals(),
                Intervals = video.Window is { Count: > 0 } vw ? vw.Count - 1 : null,
                SameSizeShare = video.Window?.SameSizeShare,
                InterFrameBytes = video.Window?.MeanInterBytes,
                KeyframeBytes = video.Window?.LastKeyframeBytes,
                UptimeSeconds = _upSince is { } since ? time.GetElapsedTime(since).TotalSeconds : 0,
            };
        }
    }

    /// <summary>H.264 codes 1080p as 1088 lines (macroblocks of 16); seed clause 6.2.2.1 means 1080.</summary>
    internal static int NormaliseHeight(int height) => height == 1088 ? 1080 : height;

    private (StreamInfo? Info, PacketWindow? Window) First(Func<StreamInfo, bool> kind)
    {
        foreach (var (index, info) in _streams.OrderBy(p => p.Key))
        {
            if (kind(info))
            {
                return (info, _windows.GetValueOrDefault(index));
            }
        }

        return (null, null);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
