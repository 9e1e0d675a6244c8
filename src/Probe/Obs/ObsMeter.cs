namespace LiveRoom.Probe.Obs;

/// <summary>Turns successive polls into deltas and a bitrate. Each response kind keeps its own previous value, so a failing GetStats does not spoil the bitrate.</summary>
internal sealed class ObsMeter(TimeProvider time)
{
    private ObsStreamStatus? _lastStream;
    private long _lastStreamAt;
    private ObsStats? _lastStats;

    /// <summary>Forgets the previous polls (a new session: counters may have restarted).</summary>
    public void Reset()
    {
        _lastStream = null;
        _lastStats = null;
    }

    /// <param name="stream">GetStreamStatus, or null when it failed.</param>
    /// <param name="stats">GetStats, or null when it failed.</param>
    /// <param name="video">GetVideoSettings, or null when it failed.</param>
    /// <param name="timestamp">When GetStreamStatus was answered (<see cref="TimeProvider.GetTimestamp"/>).</param>
    public ObsReading Next(ObsStreamStatus? stream, ObsStats? stats, ObsVideoSettings? video, long timestamp)
    {
        var reading = new ObsReading { Stream = stream, Stats = stats, Video = video };
        if (stream is not null)
        {
            var previous = _lastStream;
            long? bytesDelta = previous is null ? null : Delta(previous.Bytes, stream.Bytes);
            double? bps = null;
            if (previous is not null && stream.Bytes >= previous.Bytes)
            {
                var seconds = time.GetElapsedTime(_lastStreamAt, timestamp).TotalSeconds;
                bps = seconds > 0 ? bytesDelta * 8.0 / seconds : null;
            }

            reading = reading with
            {
                BitsPerSecond = bps,
                NetworkSkipped = new ObsCounter(stream.SkippedFrames, previous is null ? null : Delta(previous.SkippedFrames, stream.SkippedFrames)),
                NetworkTotal = new ObsCounter(stream.TotalFrames, previous is null ? null : Delta(previous.TotalFrames, stream.TotalFrames)),
            };
            _lastStream = stream;
            _lastStreamAt = timestamp;
        }

        if (stats is not null)
        {
            var previous = _lastStats;
            reading = reading with
            {
                EncoderSkipped = new ObsCounter(stats.OutputSkippedFrames, previous is null ? null : Delta(previous.OutputSkippedFrames, stats.OutputSkippedFrames)),
                EncoderTotal = new ObsCounter(stats.OutputTotalFrames, previous is null ? null : Delta(previous.OutputTotalFrames, stats.OutputTotalFrames)),
                RenderSkipped = new ObsCounter(stats.RenderSkippedFrames, previous is null ? null : Delta(previous.RenderSkippedFrames, stats.RenderSkippedFrames)),
                RenderTotal = new ObsCounter(stats.RenderTotalFrames, previous is null ? null : Delta(previous.RenderTotalFrames, stats.RenderTotalFrames)),
            };
            _lastStats = stats;
        }

        return reading;
    }

    /// <summary>A counter that went backwards was restarted (a new output): it counted from zero.</summary>
    private static long Delta(long previous, long current) => current >= previous ? current - previous : current;
}
