using LiveRoom.Contracts.Payloads;
using F = LiveRoom.Contracts.Payloads.MetricKind.StreamFields;

namespace LiveRoom.Probe.Stream;

/// <summary>Builds the <c>stream</c> and <c>event</c> points of the stream monitor.</summary>
internal static class StreamPoints
{
    /// <summary>Seconds between the last two keyframes (not yet a Contracts constant).</summary>
    public const string KeyframeInterval = "keyframe_interval_s";

    /// <summary>Seconds the stream has been up (not yet a Contracts constant).</summary>
    public const string Uptime = "uptime_s";

    public const string StreamStarted = "stream_started";
    public const string StreamStopped = "stream_stopped";

    public static MetricPoint Measurement(StreamSample sample, long ts)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            [F.Up] = sample.Up,
            [Uptime] = Math.Round(sample.UptimeSeconds, 3),
        };
        Add(fields, F.Width, sample.Width);
        Add(fields, F.Height, sample.Height);
        Add(fields, F.Fps, sample.Fps is { } fps ? Math.Round(fps, 3) : null);
        Add(fields, F.VideoBitrate, Round(sample.VideoBitsPerSecond));
        Add(fields, F.AudioBitrate, Round(sample.AudioBitsPerSecond));
        Add(fields, F.Bitrate, Round(sample.TotalBitsPerSecond));
        Add(fields, KeyframeInterval, sample.KeyframeInterval is { } k ? Math.Round(k, 3) : null);
        if (sample.VideoCodec is { } vc)
        {
            fields[F.VideoCodec] = vc;
        }

        if (sample.AudioCodec is { } ac)
        {
            fields[F.AudioCodec] = ac;
        }

        return new MetricPoint { Seq = 0, Ts = ts, Kind = MetricKind.Stream, Fields = fields };
    }

    public static MetricPoint Event(string type, long ts, string? message = null)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { ["type"] = type };
        if (!string.IsNullOrEmpty(message))
        {
            fields["message"] = message.Length > Limits.MaxStringFieldLength ? message[..Limits.MaxStringFieldLength] : message;
        }

        return new MetricPoint { Seq = 0, Ts = ts, Kind = MetricKind.Event, Fields = fields };
    }

    private static double? Round(double? bps) => bps is { } v ? Math.Round(v) : null;

    private static void Add(Dictionary<string, FieldValue> fields, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            fields[name] = v;
        }
    }
}
