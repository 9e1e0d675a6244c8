using System.Globalization;

namespace LiveRoom.Probe.Network;

/// <summary>/proc/net/route: the interface of the default IPv4 route (destination and mask 0, flag RTF_UP, lowest metric).</summary>
public static class ProcNetRouteParser
{
    private const int RtfUp = 0x1;

    public static string? DefaultRouteInterface(string text)
    {
        string? best = null;
        var bestMetric = int.MaxValue;
        foreach (var line in text.Split('\n').Skip(1))
        {
            var f = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 8
                || !uint.TryParse(f[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var destination)
                || !int.TryParse(f[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var flags)
                || !int.TryParse(f[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out var metric)
                || !uint.TryParse(f[7], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask))
            {
                continue;
            }

            if (destination == 0 && mask == 0 && (flags & RtfUp) != 0 && metric < bestMetric)
            {
                (best, bestMetric) = (f[0], metric);
            }
        }

        return best;
    }
}
