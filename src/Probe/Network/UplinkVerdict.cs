using System.Globalization;

namespace LiveRoom.Probe.Network;

/// <summary>
/// The pre-show checklist's uplink item: fail without a measurement, below <c>minMbps</c> (4 Mbit/s, seed clause
/// 6.2.1.1) or below the stream's own bitrate; warn below the stream's bitrate plus the headroom (25 %); else pass.
/// </summary>
public sealed record UplinkVerdict(VerdictLevel Level, string Reason)
{
    public static UplinkVerdict Evaluate(double? uplinkMbps, double? streamBitsPerSecond, double minMbps = NetworkDefaults.MinUplinkMbps, double headroomPercent = NetworkDefaults.HeadroomPercent)
    {
        if (uplinkMbps is not { } up || !double.IsFinite(up))
        {
            return new(VerdictLevel.Fail, "no uplink measurement");
        }

        if (up < minMbps)
        {
            return new(VerdictLevel.Fail, Text($"uplink {up:0.##} Mbit/s is below the minimum {minMbps:0.##} Mbit/s (seed clause 6.2.1.1)"));
        }

        if (streamBitsPerSecond is { } bps && double.IsFinite(bps) && bps > 0)
        {
            var stream = bps / 1e6;
            var needed = stream * (1 + (headroomPercent / 100));
            if (up < stream)
            {
                return new(VerdictLevel.Fail, Text($"uplink {up:0.##} Mbit/s cannot carry the stream's {stream:0.##} Mbit/s"));
            }

            if (up < needed)
            {
                return new(VerdictLevel.Warn, Text($"uplink {up:0.##} Mbit/s is below the stream's {stream:0.##} Mbit/s + {headroomPercent:0.##} % headroom ({needed:0.##} Mbit/s)"));
            }

            return new(VerdictLevel.Pass, Text($"uplink {up:0.##} Mbit/s carries the stream's {stream:0.##} Mbit/s with {headroomPercent:0.##} % headroom"));
        }

        return new(VerdictLevel.Pass, Text($"uplink {up:0.##} Mbit/s is at least {minMbps:0.##} Mbit/s"));
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
