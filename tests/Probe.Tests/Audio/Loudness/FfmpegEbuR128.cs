using System.Globalization;
using System.Text.RegularExpressions;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Probe.Tests.Audio.Loudness;

/// <summary>
/// ffmpeg as the reference meter: makes 32-bit float WAV files from lavfi sources, and reads them back through its
/// <c>ebur128=peak=true:framelog=info</c> filter, whose log has one line per 100 ms block on stderr:
/// <c>[Parsed_ebur128_0 @ 0x…] t: 0.399979   TARGET:-23 LUFS    M: -20.3 S:-120.7     I: … FTPK: -17.0 -17.1 dBFS  TPK: …</c>.
/// </summary>
internal static partial class FfmpegEbuR128
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>ffmpeg's reading of one block: t is the time of the block's last sample; FTPK the highest of the channels'.</summary>
    public readonly record struct Block(double Time, double MomentaryLufs, double ShortTermLufs, double TruePeakDbtp);

    /// <summary>Runs <c>ffmpeg {source} -c:a pcm_f32le {path}</c>; <paramref name="source"/> gives the inputs and filters.</summary>
    public static async Task MakeWavAsync(string path, IReadOnlyList<string> source)
    {
        string[] args = ["-hide_banner", "-nostdin", "-v", "error", "-y", .. source, "-c:a", "pcm_f32le", path];
        (await ProcessRunner.RunAsync("ffmpeg", args, Timeout, CancellationToken.None)).EnsureSuccess();
    }

    /// <summary>ffmpeg's <c>ebur128</c> frame log of <paramref name="path"/>, block by block.</summary>
    /// <param name="path">A WAV file.</param>
    /// <param name="prefilter">Filters to run before <c>ebur128</c> (e.g. <c>asetnsamples=4800</c>), or null.</param>
    public static async Task<IReadOnlyList<Block>> MeasureAsync(string path, string? prefilter = null)
    {
        var filter = (prefilter is null ? "" : prefilter + ",") + "ebur128=peak=true:framelog=info";
        string[] args = ["-hide_banner", "-nostdin", "-nostats", "-v", "info", "-i", path, "-af", filter, "-f", "null", "-"];
        var result = (await ProcessRunner.RunAsync("ffmpeg", args, Timeout, CancellationToken.None)).EnsureSuccess();
        var blocks = new List<Block>();
        foreach (var line in result.Stderr.Split('\n'))
        {
            if (TryParse(line, out var block))
            {
                blocks.Add(block);
            }
        }

        return blocks;
    }

    public static bool TryParse(string line, out Block block)
    {
        block = default;
        var match = FrameLine().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var peaks = match.Groups["ftpk"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Number).ToList();
        block = new Block(Number(match.Groups["t"].Value), Number(match.Groups["m"].Value), Number(match.Groups["s"].Value), peaks.Max());
        return true;
    }

    private static double Number(string text) => text switch
    {
        "-inf" => double.NegativeInfinity,
        "inf" => double.PositiveInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"\] t:\s*(?<t>\S+)\s.*\sM:\s*(?<m>\S+)\s+S:\s*(?<s>\S+)\s.*\sFTPK:\s*(?<ftpk>.*?)\s*dBFS", RegexOptions.CultureInvariant)]
    private static partial Regex FrameLine();
}
