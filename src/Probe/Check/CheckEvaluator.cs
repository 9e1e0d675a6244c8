using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Detection;

namespace LiveRoom.Probe.Check;

/// <summary>
/// Grades a check run (the samples of every second) against the expected profile, 1080p30 and 4 Mbit/s by default:
/// fail for what breaks the seed clauses (6.2.2.1, 6.2.2.2, 6.2.1.1), warn for what a technician should look at.
/// </summary>
internal static class CheckEvaluator
{
    /// <summary>Short-term loudness range that passes, LUFS (EBU R128 target -23, streaming platforms about -14).</summary>
    internal const double LoudnessLow = -30;

    internal const double LoudnessHigh = -12;

    /// <summary>Highest true peak that passes, dBTP (EBU R128).</summary>
    internal const double MaxTruePeak = -1;

    /// <summary>Longest keyframe interval that passes, seconds (what streaming platforms accept).</summary>
    internal const double MaxKeyframeInterval = 4;

    public static List<CheckItem> Evaluate(IReadOnlyList<RoomSample> samples, ExpectedProfile profile, ProbeThresholds thresholds, string? stopReason)
    {
        var items = new List<CheckItem>();
        var up = samples.Where(s => s.Stream.Up).ToList();
        if (up.Count == 0)
        {
            items.Add(new CheckItem("stream", CheckStatus.Fail, "no stream" + (stopReason is null ? string.Empty : ": " + stopReason), "packets flowing"));
            return items;
        }

        var first = samples.ToList().FindIndex(s => s.Stream.Up);
        var upShare = (double)up.Count / (samples.Count - first);
        items.Add(new CheckItem("stream", upShare >= 0.9 ? CheckStatus.Pass : CheckStatus.Fail, Text($"up {upShare:P0} of the time since the first packet"), "up all the time"));
        var last = up[^1].Stream;
        items.Add(new CheckItem("video", last.HasVideo ? CheckStatus.Pass : CheckStatus.Fail, last.HasVideo ? Text($"{last.VideoCodec} {last.VideoProfile}").Trim() : "no video track", "a video track"));
        if (!last.HasVideo)
        {
            AddAudio(items, up, thresholds);
            return items;
        }

        var (w, h) = (last.Width ?? 0, last.Height ?? 0);
        var resolution = h < profile.Height || w < profile.Width ? CheckStatus.Fail : h > profile.Height || w > profile.Width ? CheckStatus.Warn : CheckStatus.Pass;
        items.Add(new CheckItem("resolution", resolution, Text($"{w}x{h}"), Text($"{profile.Width}x{profile.Height}")));
        var settled = up.Where(s => s.Stream.UptimeSeconds >= 3).Select(s => s.Stream).ToList();
        var fps = Median(settled.Select(s => s.Fps));
        var minFps = profile.Fps - thresholds.FpsTolerance;
        items.Add(new CheckItem("frame_rate", fps >= minFps ? CheckStatus.Pass : CheckStatus.Fail, fps is { } f ? Text($"{f:0.##} fps") : "unknown", Text($"at least {minFps:0.##} fps")));
        var bps = Median(settled.Select(s => s.TotalBitsPerSecond));
        var bitrate = bps is not { } b || b < profile.MinBitrate ? CheckStatus.Fail : b > profile.MaxBitrate ? CheckStatus.Warn : CheckStatus.Pass;
        items.Add(new CheckItem("bitrate", bitrate, bps is { } v ? Text($"{v / 1e6:0.##} Mbit/s") : "unknown", Text($"{profile.MinBitrate / 1e6:0.##} to {profile.MaxBitrate / 1e6:0.##} Mbit/s")));
        var gop = settled.Select(s => s.KeyframeInterval).LastOrDefault(k => k is not null);
        items.Add(new CheckItem("keyframe_interval", gop is { } g && g <= MaxKeyframeInterval ? CheckStatus.Pass : CheckStatus.Warn, gop is { } k ? Text($"{k:0.##} s") : "fewer than two keyframes", Text($"at most {MaxKeyframeInterval} s")));
        var dropped = settled.Select(s => s.DroppedFrames ?? 0).DefaultIfEmpty().Max();
        items.Add(new CheckItem("dropped_frames", dropped == 0 ? CheckStatus.Pass : CheckStatus.Warn, Text($"{dropped} in the worst {profile.Fps:0}-frame window"), "none"));
        var pictures = up.Where(s => s.Picture.Frames > 0).ToList();
        items.Add(Condition("black", pictures, EventTypes.Black, CheckStatus.Fail, "picture seen"));
        items.Add(Condition("frozen", pictures, EventTypes.Frozen, CheckStatus.Fail, "picture moving"));
        AddAudio(items, up, thresholds);
        return items;
    }

    private static void AddAudio(List<CheckItem> items, List<RoomSample> up, ProbeThresholds thresholds)
    {
        var audio = up.Where(s => s.Stream.UptimeSeconds >= 3).ToList();
        var present = audio.Count(s => s.Audio.Present);
        var ok = audio.Count > 0 && present >= audio.Count * 0.9;
        items.Add(new CheckItem("audio", ok ? CheckStatus.Pass : CheckStatus.Fail, ok ? Text($"{up[^1].Stream.AudioCodec}") : up[^1].Stream.HasAudio ? "audio track decodes nothing" : "no audio track", "an audio track"));
        if (!ok)
        {
            return;
        }

        var loudness = Median(audio.Select(s => s.Audio.ShortTermLufs));
        items.Add(new CheckItem("loudness", loudness is >= LoudnessLow and <= LoudnessHigh ? CheckStatus.Pass : CheckStatus.Warn, loudness is { } l ? Text($"{l:0.#} LUFS short-term (median)") : "unknown", Text($"{LoudnessLow} to {LoudnessHigh} LUFS")));
        var peak = audio.Select(s => s.Audio.TruePeakDbtp).Max();
        items.Add(new CheckItem("true_peak", peak is null or <= MaxTruePeak ? CheckStatus.Pass : CheckStatus.Warn, peak is { } p ? Text($"{p:0.#} dBTP") : "unknown", Text($"at most {MaxTruePeak} dBTP")));
        items.Add(Condition("clipping", audio, EventTypes.Clipping, CheckStatus.Fail, "no samples at full scale"));
        items.Add(Condition("silence", audio, EventTypes.Silence, CheckStatus.Warn, Text($"no silence of {thresholds.SilenceAfter.TotalSeconds:0} s")));
    }

    private static CheckItem Condition(string item, List<RoomSample> samples, string type, CheckStatus bad, string expected)
    {
        var seen = samples.Where(s => s.IsActive(type)).ToList();
        return seen.Count == 0
            ? new CheckItem(item, CheckStatus.Pass, samples.Count == 0 ? "not measured" : "not seen", expected)
            : new CheckItem(item, bad, Text($"{seen.Count} s: ") + seen[^1].Conditions.First(c => c.Active && c.Type == type).Message, expected);
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        return list.Count == 0 ? null : list[list.Count / 2];
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
