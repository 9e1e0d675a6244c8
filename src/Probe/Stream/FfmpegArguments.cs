using LiveRoom.Probe.Frames;

namespace LiveRoom.Probe.Stream;

/// <summary>
/// The one reader process per room (issue 4 item 1): ffmpeg opens the source once and feeds three outputs.
/// <list type="number">
/// <item>Every audio and video packet stream-copied into the framecrc muxer on stdout (demux cost only) for the packet
/// statistics.</item>
/// <item>Keyframes only (<c>-skip_frame:v nokey</c> on the input's video decoder; the copy above never decodes, so it
/// keeps every packet), at most <see cref="FrameSampling.MaxPerSecond"/>, scaled to 640x360 yuv420p, raw into the
/// pictures FIFO.</item>
/// <item>The first audio track decoded through <c>ebur128</c> (momentary/short-term loudness, true peak) and
/// <c>astats</c> (sample peak per 100 ms frame), printed by <c>ametadata</c> to stderr (log level info, unbuffered:
/// its <c>file=</c> output is held back in a 32 KiB buffer for a minute), into a null muxer.</item>
/// </list>
/// <c>-v repeat+info</c> so the input dump on stderr names the codec profiles and tracks and no metadata line is
/// folded into "Last message repeated". An output whose track the source lacks would stop ffmpeg ("does not contain
/// any stream" / "matches no streams"), so it is left out (<see cref="ReaderLayout"/>). The picture output flushes
/// every frame (<c>-flush_packets 1</c>), or the tail of each frame would wait in the buffer for the next keyframe.
/// </summary>
internal static class FfmpegArguments
{
    /// <summary>The audio chain; the output frames are 100 ms (ebur128's step).</summary>
    /// <remarks>
    /// Only every fifth 100 ms frame is printed (<c>aselect</c>; the audio goes nowhere after this chain), with
    /// <c>astats</c> reset every five frames so each printed frame carries the sample peak of its 500 ms, and the keys
    /// the probe does not use deleted: 10 stderr lines a second instead of 110 (each line is a write and a wake-up).
    /// </remarks>
    internal const string AudioFilter =
        "ebur128=peak=true:metadata=1,"
        + "astats=metadata=1:reset=5:measure_perchannel=none:measure_overall=Peak_level,"
        + "aselect='eq(mod(n\\,5)\\,4)',"
        + "ametadata=mode=delete:key=lavfi.r128.I,ametadata=mode=delete:key=lavfi.r128.LRA,"
        + "ametadata=mode=delete:key=lavfi.r128.LRA.low,ametadata=mode=delete:key=lavfi.r128.LRA.high,"
        + "ametadata=mode=delete:key=lavfi.r128.true_peaks_ch0,ametadata=mode=delete:key=lavfi.r128.true_peaks_ch1,"
        + "ametadata=mode=print";

    /// <summary>Prefix of the stderr lines the audio chain prints.</summary>
    internal const string AudioLinePrefix = "[Parsed_ametadata_";

    /// <summary>Packet statistics only (no decoding).</summary>
    public static IReadOnlyList<string> For(string sourceUrl) => For(sourceUrl, ReaderLayout.PacketsOnly, null, new FrameSampling());

    public static IReadOnlyList<string> For(string sourceUrl, ReaderLayout layout, string? picturesPath, FrameSampling sampling)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-y", "-v", layout.Decodes ? "repeat+info" : "error" };
        if (IsFile(sourceUrl))
        {
            // A file is read at its native rate, like a live source, so seconds mean seconds.
            args.Add("-re");
        }

        if (layout.Pictures)
        {
            // One decoder thread: keyframes only leave nothing for frame threads to overlap, and they cost CPU to sync.
            args.AddRange(["-threads:v", "1", "-skip_frame:v", "nokey"]);
        }

        args.AddRange(["-i", sourceUrl, "-map", "0:v?", "-map", "0:a?", "-c", "copy", "-f", "framecrc", "pipe:1"]);
        if (layout.Pictures && picturesPath is not null)
        {
            args.AddRange(["-map", "0:v:0", "-vf", sampling.Filter(), "-fps_mode", "passthrough", "-an", "-flush_packets", "1", "-f", "rawvideo", picturesPath]);
        }

        if (layout.Audio)
        {
            args.AddRange(["-map", "0:a:0", "-af", AudioFilter, "-vn", "-f", "null", "-"]);
        }

        return args;
    }

    internal static bool IsFile(string url) =>
        url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || !url.Contains("://", StringComparison.Ordinal);

}
