using System.Globalization;

namespace LiveRoom.Probe.Network;

/// <summary>
/// /proc/net/dev: two header lines, then <c>name: rx_bytes rx_packets errs drop fifo frame compressed multicast
/// tx_bytes tx_packets ...</c> (the name may touch the first number: <c>eth0:123</c>).
/// </summary>
public static class ProcNetDevParser
{
    public static IReadOnlyList<NicCounters> Parse(string text)
    {
        var result = new List<NicCounters>();
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.Contains('|', StringComparison.Ordinal))
            {
                continue;
            }

            var values = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length < 10
                || !long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rxBytes)
                || !long.TryParse(values[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rxPackets)
                || !long.TryParse(values[8], NumberStyles.None, CultureInfo.InvariantCulture, out var txBytes)
                || !long.TryParse(values[9], NumberStyles.None, CultureInfo.InvariantCulture, out var txPackets))
            {
                continue;
            }

            result.Add(new NicCounters(line[..colon].Trim(), rxBytes, rxPackets, txBytes, txPackets));
        }

        return result;
    }
}
