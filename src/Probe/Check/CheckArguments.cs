using System.Globalization;

namespace LiveRoom.Probe.Check;

/// <summary><c>liveroom-probe check --source URL [--duration 20s] [--json] [--ffmpeg PATH] [--reference DIR]</c>.</summary>
internal sealed record CheckArguments(string Source, TimeSpan Duration, bool Json, string Ffmpeg)
{
    public const string Usage = "usage: liveroom-probe check --source URL [--duration 20s] [--json] [--ffmpeg PATH] [--reference DIR]";

    /// <summary>The room's reference directory: adds the framing and lighting section (issue 5 item 6).</summary>
    public string? ReferenceDirectory { get; init; }

    /// <summary>
    /// The probe waits for the encoder to connect (<see cref="SourceListens"/>): the check waits up to 30 s (or the
    /// duration, if longer) for its first packet, so a technician who starts the check before the encoder still gets
    /// the whole duration measured. (Other sources get the duration to send a first packet; the duration is counted
    /// from the first packet for every source.)
    /// </summary>
    public bool WaitsForEncoder => SourceListens(Source);

    /// <summary>
    /// True when ffmpeg listens on this URL rather than connecting: SRT <c>mode=listener</c>, <c>listen</c> (TCP, RTMP,
    /// HTTP), and UDP or RTP input, which only ever receive.
    /// </summary>
    internal static bool SourceListens(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal) is > 0 and var end ? url[..end].ToLowerInvariant() : string.Empty;
        if (scheme is "udp" or "rtp")
        {
            return true;
        }

        var query = url.IndexOf('?', StringComparison.Ordinal) is >= 0 and var q ? url[(q + 1)..] : string.Empty;
        return query.Split('&').Select(p => p.Split('=', 2)).Any(kv =>
            (kv[0].Equals("mode", StringComparison.OrdinalIgnoreCase) && kv.Length == 2 && kv[1].Equals("listener", StringComparison.OrdinalIgnoreCase))
            || (kv[0].Equals("listen", StringComparison.OrdinalIgnoreCase) && (kv.Length == 1 || kv[1] is not ("0" or ""))));
    }

    /// <summary>Parses the arguments after <c>check</c>; null with a reason when they are wrong.</summary>
    public static CheckArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? source = null;
        var duration = ProbeDefaults.CheckDuration;
        var json = false;
        var ffmpeg = ProbeDefaults.Ffmpeg;
        string? reference = null;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--source" when i + 1 < args.Count:
                    source = args[++i];
                    break;
                case "--ffmpeg" when i + 1 < args.Count:
                    ffmpeg = args[++i];
                    break;
                case "--reference" when i + 1 < args.Count:
                    reference = args[++i];
                    break;
                case "--duration" when i + 1 < args.Count:
                    if (!TryParseDuration(args[++i], out duration) || duration < TimeSpan.FromSeconds(3) || duration > TimeSpan.FromHours(1))
                    {
                        error = $"--duration '{args[i]}': allowed 3s to 1h (e.g. 20s, 2m, 90)";
                        return null;
                    }

                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'";
                    return null;
            }
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            error = "--source is required";
            return null;
        }

        return new CheckArguments(source, duration, json, ffmpeg) { ReferenceDirectory = reference };
    }

    /// <summary>Seconds with an optional unit: <c>20</c>, <c>20s</c>, <c>2m</c>, <c>1h</c>, or <c>00:00:20</c>.</summary>
    internal static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
        }

        var (number, unit) = text.Length > 0 && char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0)
        {
            return false;
        }

        double? seconds = unit switch { 's' => value, 'm' => value * 60, 'h' => value * 3600, _ => null };
        if (seconds is not { } s)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(s);
        return true;
    }
}
