using System.Globalization;

namespace LiveRoom.Probe.Audio;

/// <summary>
/// Parses one line of ffmpeg's <c>ebur128=peak=true:framelog=info</c> log (one per 100 ms frame, prefix removed):
/// <c>t: 0.599979   TARGET:-23 LUFS    M: -10.8 S:-120.7     I:  -9.7 LUFS       LRA:   0.0 LU  FTPK: -20.0 dBFS  TPK:  -4.4 dBFS</c>.
/// FTPK is the true peak of this frame per channel, TPK the highest since the filter started; both in dB (dBTP), and
/// <c>-inf</c> for digital silence. The log is the only place ffmpeg 5.1 gives the per-frame true peak (its metadata
/// carries only the running maximum).
/// </summary>
internal static class EbuR128FrameLog
{
    /// <summary>What a frame log line starts with.</summary>
    public const string Start = "t: ";

    public static bool TryParse(ReadOnlySpan<char> line, out EbuR128Frame frame)
    {
        frame = default;
        if (!line.StartsWith(Start, StringComparison.Ordinal))
        {
            return false;
        }

        var ftpkAt = line.IndexOf("FTPK:", StringComparison.Ordinal);
        if (!TryNumber(line, " M:", out var m) || !TryNumber(line, " S:", out var s) || ftpkAt < 0)
        {
            return false;
        }

        var afterFrame = line[(ftpkAt + 5)..];
        var tpkAt = afterFrame.IndexOf("TPK:", StringComparison.Ordinal);
        if (!TryMaxOfChannels(tpkAt < 0 ? afterFrame : afterFrame[..tpkAt], out var framePeak))
        {
            return false;
        }

        double? runningPeak = tpkAt >= 0 && TryMaxOfChannels(afterFrame[(tpkAt + 4)..], out var tpk) ? tpk : null;
        frame = new EbuR128Frame(m, s, framePeak, runningPeak);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> line, string label, out double value)
    {
        value = 0;
        var at = line.IndexOf(label, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var rest = line[(at + label.Length)..].TrimStart();
        var end = rest.IndexOf(' ');
        return TryValue(end < 0 ? rest : rest[..end], out value);
    }

    /// <summary>The highest of the per-channel values up to <c>dBFS</c>.</summary>
    private static bool TryMaxOfChannels(ReadOnlySpan<char> text, out double max)
    {
        max = double.NegativeInfinity;
        var unit = text.IndexOf("dBFS", StringComparison.Ordinal);
        var values = unit < 0 ? text : text[..unit];
        var any = false;
        foreach (var range in values.Split(' '))
        {
            var token = values[range];
            if (token.IsEmpty)
            {
                continue;
            }

            if (!TryValue(token, out var v))
            {
                return false;
            }

            max = Math.Max(max, v);
            any = true;
        }

        return any;
    }

    private static bool TryValue(ReadOnlySpan<char> token, out double value)
    {
        if (token.Equals("-inf", StringComparison.OrdinalIgnoreCase) || token.Equals("nan", StringComparison.OrdinalIgnoreCase) || token.Equals("-nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NegativeInfinity;
            return true;
        }

        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
