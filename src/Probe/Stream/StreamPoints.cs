using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Audio;
using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Picture;
using F = LiveRoom.Contracts.Payloads.MetricKind.StreamFields;

namespace LiveRoom.Probe.Stream;

/// <summary>Builds the <c>stream</c>, <c>audio</c>, <c>vision</c> (picture) and <c>event</c> points of the stream monitor.</summary>
internal static class StreamPoints
{
    public const string StreamStarted = EventTypes.StreamStarted;
    public const string StreamStopped = EventTypes.StreamStopped;

    public static MetricPoint Measurement(StreamSample sample, long ts)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            [F.Up] = sample.Up,
            [F.Uptime] = Math.Round(sample.UptimeSeconds, 3),
        };
        Add(fields, F.Width, sample.Width);
        Add(fields, F.Height, sample.Height);
        Add(fields, F.Fps, sample.Fps is { } fps ? Math.Round(fps, 3) : null);
        Add(fields, F.VideoBitrate, Round(sample.VideoBitsPerSecond));
        Add(fields, F.AudioBitrate, Round(sample.AudioBitsPerSecond));
        Add(fields, F.Bitrate, Round(sample.TotalBitsPerSecond));
        Add(fields, F.KeyframeInterval, sample.KeyframeInterval is { } k ? Math.Round(k, 3) : null);
        Add(fields, F.DroppedFrames, sample.DroppedFrames);
        Add(fields, F.TimestampGaps, sample.TimestampGaps);
        Add(fields, F.IrregularIntervals, sample.IrregularIntervals);
        AddText(fields, F.VideoCodec, sample.VideoCodec);
        AddText(fields, F.AudioCodec, sample.AudioCodec);
        AddText(fields, F.VideoProfile, sample.VideoProfile);
        return new MetricPoint { Seq = 0, Ts = ts, Kind = MetricKind.Stream, Fields = fields };
    }

    public static MetricPoint Audio(AudioSample sample, long ts)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [AudioFields.Present] = sample.Present };
        if (sample.Present)
        {
            Add(fields, AudioFields.Momentary, R(sample.MomentaryLufs, 2));
            Add(fields, AudioFields.ShortTerm, R(sample.ShortTermLufs, 2));
            Add(fields, AudioFields.TruePeak, R(sample.TruePeakDbtp, 2));
            Add(fields, AudioFields.IntervalTruePeak, R(sample.IntervalTruePeakDbtp, 2));
            Add(fields, AudioFields.Peak, R(sample.PeakDbfs, 2));
            Add(fields, AudioFields.SilentSeconds, Math.Round(sample.SilentSeconds, 1));
            fields[AudioFields.Clipping] = sample.Clipping;
        }

        return new MetricPoint { Seq = 0, Ts = ts, Kind = MetricKind.Audio, Fields = fields };
    }

    public static MetricPoint Picture(PictureSample sample, bool black, bool frozen, long ts)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            [PictureFields.SampledFrames] = sample.Frames,
            [PictureFields.Black] = black,
            [PictureFields.Frozen] = frozen,
        };
        Add(fields, PictureFields.LumaMean, R(sample.LumaMean, 2));
        Add(fields, PictureFields.LumaP98, sample.LumaP98);
        Add(fields, PictureFields.ChangedBlocks, R(sample.ChangedShare, 4));
        return new MetricPoint { Seq = 0, Ts = ts, Kind = MetricKind.Vision, Fields = fields };
    }

    public static MetricPoint Event(string type, long ts, string? message = null) => EventPoints.Create(type, ts, message);

    private static double? Round(double? bps) => bps is { } v ? Math.Round(v) : null;

    private static double? R(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;

    private static void AddText(Dictionary<string, FieldValue> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields[name] = value;
        }
    }

    private static void Add(Dictionary<string, FieldValue> fields, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            fields[name] = v;
        }
    }
}
