using LiveRoom.Probe.Frames;

namespace LiveRoom.Probe.Stream;

/// <summary>
/// The one reader process per room (issue 4 item 1): ffmpeg opens the source once and feeds three outputs.
/// <list type="number">
/// <item>Every audio and video packet stream-copied into the framecrc muxer (demux cost only) for the packet
/// statistics: into the packets FIFO, flushed per packet, which the probe reads in batches
/// (<see cref="BatchedLineReader"/>); on stdout when no FIFO is given.</item>
/// <item>Keyframes only (<c>-skip_frame:v nokey</c> on the input's video decoder; the copy above never decodes, so it
/// keeps every packet), at most <see cref="FrameSampling.MaxPerSecond"/>, scaled to 640x360 yuv420p, raw into the
/// pictures FIFO.</item>
/// <item>The first audio track decoded through <c>ebur128</c> (momentary/short-term loudness and true peak per
/// 100 ms frame, in its frame log) and <c>astats</c> (sample peak, printed by <c>ametadata</c>), both in the log
/// (level info; <c>ametadata</c>'s <c>file=</c> output is held back in a 32 KiB buffer for a minute), into a null
/// muxer.</item>
/// </list>
/// The log at level info (the input dump naming the codec profiles and tracks, the loudness and metadata lines) goes
/// to the report FIFO (<see cref="Report"/>); stderr only carries errors (<c>-v repeat+error</c>). An output whose
/// track the source lacks would stop ffmpeg ("does not contain any stream" / "matches no streams"), so it is left out
/// (<see cref="ReaderLayout"/>). The picture output flushes
/// every frame (<c>-flush_packets 1</c>), or the tail of each frame would wait in the buffer for the next keyframe.
/// </summary>
internal static class FfmpegArguments
{
    /// <summary>The audio chain; the frames are 100 ms (ebur128's step).</summary>
    /// <remarks>
    /// <c>ebur128</c> logs one line per frame (<c>framelog=info</c>): momentary and short-term loudness and the true
    /// peak of that frame (FTPK) and since the start (TPK). Its metadata is off: in ffmpeg 5.1 it carries only the
    /// running true peak, so the per-second true peak has to come from the log anyway. <c>astats</c> gives the sample
    /// peak for clipping, reset every five frames, and only every fifth frame's metadata is printed (<c>aselect</c>;
    /// the audio goes nowhere after this chain), so each printed frame carries the sample peak of its 500 ms.
    /// </remarks>
    internal const string AudioFilter =
        "ebur128=peak=true:framelog=info,"
        + "astats=metadata=1:reset=5:measure_perchannel=none:measure_overall=Peak_level,"
        + "aselect='eq(mod(n\\,5)\\,4)',"
        + "ametadata=mode=print";

    /// <summary>Prefixes of the stderr lines the audio chain prints (metadata, and the loudness frame log).</summary>
    internal const string AudioLinePrefix = "[Parsed_ametadata_";

    /// <inheritdoc cref="AudioLinePrefix"/>
    internal const string LoudnessLinePrefix = "[Parsed_ebur128_";

    /// <summary>Packet statistics only (no decoding).</summary>
    public static IReadOnlyList<string> For(string sourceUrl) => For(sourceUrl, ReaderLayout.PacketsOnly, null, new FrameSampling());

    public static IReadOnlyList<string> For(string sourceUrl, ReaderLayout layout, string? picturesPath, FrameSampling sampling, string? packetsPath = null)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-y", "-v", packetsPath is null && layout.Decodes ? "repeat+info" : "repeat+error" };
        if (IsFile(sourceUrl))
        {
            // A file is read at its native rate, like a live source, so seconds mean seconds.
            args.Add("-re");
        }

        if (layout.Pictures)
        {
            // One decoder thread: keyframes only leave nothing for frame threads to overlap, and they cost CPU to sync.
            // No deblocking (-skip_loop_filter): a fifth of an H.264 keyframe's decode, and its only effect, smoother
            // 8x8 block edges, is gone once the picture is scaled down to 640x360 for the picture checks.
            args.AddRange(["-threads:v", "1", "-skip_frame:v", "nokey", "-skip_loop_filter:v", "all"]);
        }

        args.AddRange(["-i", sourceUrl, "-map", "0:v?", "-map", "0:a?", "-c", "copy", "-flush_packets", "1", "-f", "framecrc", packetsPath ?? "pipe:1"]);
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

    /// <summary>
    /// The <c>FFREPORT</c> value that sends ffmpeg's log at level info to <paramref name="path"/> (a FIFO read in
    /// batches) while stderr keeps only errors: the input dump, the loudness frame log and the metadata lines are about
    /// a hundred writes a second, each of which would wake the probe if it went to stderr. The report writes every
    /// line (no "Last message repeated" folding). <c>:</c>, <c>%</c> and <c>\</c> are escaped (FFREPORT's syntax).
    /// </summary>
    public static string Report(string path)
    {
        var escaped = path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal).Replace("%", "%%", StringComparison.Ordinal);
        return "file=" + escaped + ":level=32";
    }

    internal static bool IsFile(string url) =>
        url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || !url.Contains("://", StringComparison.Ordinal);

}
