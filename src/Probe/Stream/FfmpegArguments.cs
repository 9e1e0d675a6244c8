using LiveRoom.Probe.Frames;

namespace LiveRoom.Probe.Stream;

/// <summary>
/// The one reader process per room (issue 4 item 1): ffmpeg opens the source once and feeds three outputs.
/// <list type="number">
/// <item>Every audio and video packet stream-copied into the framecrc muxer (demux cost only) for the packet
/// statistics: into the packets FIFO, flushed per packet, which the probe reads in batches
/// (<see cref="BatchedLineReader"/>).</item>
/// <item>Keyframes only (<c>-skip_frame:v nokey</c> on the input's video decoder; the copy above never decodes, so it
/// keeps every packet), at most <see cref="FrameSampling.MaxPerSecond"/>, scaled to 640x360 yuv420p, raw into the
/// pictures FIFO.</item>
/// <item>The first audio track decoded to 32-bit float PCM in a WAV stream (its header names the rate and channels)
/// into the audio FIFO, where the probe meters it itself (<see cref="Audio.Loudness.LoudnessMeter"/>: loudness, true
/// and sample peak per 100 ms). ffmpeg's own <c>ebur128=peak=true</c> and <c>astats</c> filters cost the reader about
/// 0.17 CPU s a minute more than writing the samples (decision 0020).</item>
/// </list>
/// The log at level info (the input dump naming the codec profiles and tracks) goes
/// to the report FIFO (<see cref="Report"/>); stderr only carries errors (<c>-v repeat+error</c>). An output whose
/// track the source lacks would stop ffmpeg ("does not contain any stream" / "matches no streams"), so it is left out
/// (<see cref="ReaderLayout"/>). The picture output flushes
/// every frame (<c>-flush_packets 1</c>), or the tail of each frame would wait in the buffer for the next keyframe.
/// </summary>
internal static class FfmpegArguments
{
    public static IReadOnlyList<string> For(string sourceUrl, ReaderLayout layout, FrameSampling sampling, ReaderPipes pipes)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-y", "-v", "repeat+error" };
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

        args.AddRange(["-i", sourceUrl, "-map", "0:v?", "-map", "0:a?", "-c", "copy", "-flush_packets", "1", "-f", "framecrc", pipes.Packets]);
        if (layout.Pictures)
        {
            args.AddRange(["-map", "0:v:0", "-vf", sampling.Filter(), "-fps_mode", "passthrough", "-an", "-flush_packets", "1", "-f", "rawvideo", pipes.Pictures]);
        }

        if (layout.Audio)
        {
            // Not flushed per packet: ffmpeg writes 32 KiB at a time (85 ms of 48 kHz stereo), far fewer writes.
            args.AddRange(["-map", "0:a:0", "-vn", "-c:a", "pcm_f32le", "-f", "wav", pipes.Audio]);
        }

        return args;
    }

    /// <summary>
    /// The <c>FFREPORT</c> value that sends ffmpeg's log at level info to <paramref name="path"/> (a FIFO read in
    /// batches) while stderr keeps only errors: the input dump (written again whenever the input changes) and
    /// warnings about the stream would each wake the probe if they went to stderr. The report writes every
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
