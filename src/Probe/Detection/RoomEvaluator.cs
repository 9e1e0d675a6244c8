using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Audio;
using LiveRoom.Probe.Picture;
using LiveRoom.Probe.Stream;

namespace LiveRoom.Probe.Detection;

/// <summary>
/// Compares one sampling step with the expected profile and thresholds (issue 4 items 2–4). Stream conditions wait
/// until the measuring window is full, so a starting stream is not reported at 0 fps.
/// </summary>
internal sealed class RoomEvaluator(ExpectedProfile profile, ProbeThresholds thresholds, TimeSpan window)
{
    /// <summary>Seconds of uptime before audio is expected (the decoder and loudness meter need a moment).</summary>
    private const double AudioGraceSeconds = 3;

    /// <summary>Irregular frame intervals within the window that make the frame rate variable (one is a glitch).</summary>
    internal const int VariableFrameRateIntervals = 2;

    /// <summary>
    /// Share of video packets of one size from which the sizes are filler, not content: x264 <c>nal-hrd=cbr</c> pads a
    /// static picture's frames, key and non-key alike, to exactly bitrate / fps bytes.
    /// </summary>
    internal const double PaddedSameSizeShare = 0.8;

    public List<Condition> Evaluate(StreamSample s, AudioSample a, PictureSample p)
    {
        var list = new List<Condition>();
        if (!s.Up)
        {
            return list;
        }

        var settled = s.UptimeSeconds >= window.TotalSeconds + 1;
        list.Add(new Condition(EventTypes.NoVideo, !s.HasVideo, null, null, "the stream has no video track"));
        if (s.Height is { } h && s.Width is { } w)
        {
            list.Add(new Condition(EventTypes.BelowResolution, h < profile.Height || w < profile.Width, h, profile.Height, Text($"{w}x{h} is below the expected {profile.Width}x{profile.Height}")));
            list.Add(new Condition(EventTypes.AboveResolution, h > profile.Height || w > profile.Width, h, profile.Height, Text($"{w}x{h} is above the expected {profile.Width}x{profile.Height}")));
        }

        if (settled && s.Fps is { } fps)
        {
            var min = profile.Fps - thresholds.FpsTolerance;
            list.Add(new Condition(EventTypes.BelowFrameRate, fps < min, Math.Round(fps, 3), min, Text($"{fps:0.##} fps is below {min:0.##}")));
        }

        if (settled && s.TotalBitsPerSecond is { } bps)
        {
            list.Add(new Condition(EventTypes.BitrateLow, bps < profile.MinBitrate, Math.Round(bps), profile.MinBitrate, Text($"{bps / 1e6:0.##} Mbit/s is below {profile.MinBitrate / 1e6:0.##} Mbit/s")));
            list.Add(new Condition(EventTypes.BitrateHigh, bps > profile.MaxBitrate, Math.Round(bps), profile.MaxBitrate, Text($"{bps / 1e6:0.##} Mbit/s is above {profile.MaxBitrate / 1e6:0.##} Mbit/s")));
        }

        if (settled && s.IrregularIntervals is { } irregular)
        {
            list.Add(new Condition(EventTypes.VariableFrameRate, irregular >= VariableFrameRateIntervals, irregular, VariableFrameRateIntervals, Text($"{irregular} of {s.Intervals ?? 0} frame intervals more than 10 % off the median in the last {window.TotalSeconds:0.#} s (variable frame rate)")));
        }

        if (s.DroppedFrames is { } dropped)
        {
            list.Add(new Condition(EventTypes.DroppedFrames, dropped > 0, dropped, 0, Text($"{dropped} frames late or dropped ({s.TimestampGaps ?? 0} timestamp gaps) in the last {window.TotalSeconds:0.#} s")));
        }

        if (s.UptimeSeconds >= AudioGraceSeconds)
        {
            list.Add(new Condition(EventTypes.AudioMissing, !s.HasAudio || !a.Present, null, null, s.HasAudio ? "the audio track decodes no audio" : "the stream has no audio track"));
        }

        if (a.Present)
        {
            var after = thresholds.SilenceAfter.TotalSeconds;
            list.Add(new Condition(EventTypes.Silence, a.SilentSeconds >= after, Math.Round(a.SilentSeconds, 1), after, Text($"audio below {thresholds.SilenceFloorLufs:0.#} LUFS for {a.SilentSeconds:0} s")));
            list.Add(new Condition(EventTypes.Clipping, a.Clipping, a.PeakDbfs, thresholds.ClipLevelDbfs, Text($"sample peak {a.PeakDbfs:0.##} dBFS reaches full scale")));
        }

        if (p.Frames > 0)
        {
            var black = p.BlackSeconds >= thresholds.BlackAfter.TotalSeconds;
            list.Add(new Condition(EventTypes.Black, black, p.LumaP98, thresholds.BlackLumaP98, Text($"picture black for {p.BlackSeconds:0} s (98% of luma at or below {p.LumaP98})")));
            list.Add(new Condition(EventTypes.Frozen, !black && IsFrozen(s, a, p), Math.Round(p.StillSeconds, 1), thresholds.FreezeAfter.TotalSeconds, Text($"picture unchanged for {p.StillSeconds:0} s with no sign of life in audio or the encoder's packets")));
        }

        return list;
    }

    /// <summary>
    /// Frozen: the sampled picture unchanged for the freeze time over at least two comparisons, AND no sign of life
    /// elsewhere: the audio is absent or silent, or the encoder codes the frames between keyframes as near-empty
    /// (a seated host in front of a static backdrop still moves, talks and breathes, so the P-frames carry data).
    /// When a CBR encoder pads every frame to the same size (<see cref="PaddedSameSizeShare"/>) the sizes carry no
    /// sign either way, so the sampled pictures decide: a host who moves changes them, a frozen encoder does not.
    /// </summary>
    internal bool IsFrozen(StreamSample s, AudioSample a, PictureSample p)
    {
        if (p.StillComparisons < 2 || p.StillSeconds < thresholds.FreezeAfter.TotalSeconds)
        {
            return false;
        }

        var quiet = !a.Present || a.SilentSeconds > 0;
        var staticPackets = s.InterFrameBytes is { } inter && s.KeyframeBytes is { } key and > 0 && inter / key < thresholds.StaticPacketRatio;
        var padded = s.SameSizeShare >= PaddedSameSizeShare;
        return quiet || staticPackets || padded;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
