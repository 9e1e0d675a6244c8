using System.Globalization;

namespace LiveRoom.Probe.Check;

/// <summary><c>liveroom-probe check --source URL [--duration 20s] [--json] [--ffmpeg PATH] [--reference DIR]</c>.</summary>
internal sealed record CheckArguments(string Source, TimeSpan Duration, bool Json, string Ffmpeg)
{
    public const string Usage = "usage: liveroom-probe check --source URL [--duration 20s] [--json] [--ffmpeg PATH] [--reference DIR]";

    /// <summary>The room's reference directory: adds the framing and lighting section (issue 5 item 6).</summary>
    public string? ReferenceDirectory { get; init; }

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
