namespace LiveRoom.Probe.Stream;

/// <summary>
/// The one reader process per room: ffmpeg demuxes the source and stream-copies every audio and video packet into
/// the framecrc muxer on stdout (no decoding; about 3% of a full decode). The full probe (issue 4) adds outputs to
/// this same process (keyframe-only pictures, audio loudness) rather than opening the source again.
/// </summary>
internal static class FfmpegArguments
{
    public static IReadOnlyList<string> For(string sourceUrl)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-v", "error" };
        if (IsFile(sourceUrl))
        {
            // A file is read at its native rate, like a live source, so seconds mean seconds.
            args.Add("-re");
        }

        args.AddRange(["-i", sourceUrl, "-map", "0:v?", "-map", "0:a?", "-c", "copy", "-f", "framecrc", "-"]);
        return args;
    }

    internal static bool IsFile(string url) =>
        url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || !url.Contains("://", StringComparison.Ordinal);
}
