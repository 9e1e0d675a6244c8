using System.Globalization;

namespace LiveRoom.Probe.HostHealth;

/// <summary>Parsers of the /proc files the host collector reads; every number with the invariant culture.</summary>
public static class ProcParsers
{
    /// <summary>/proc/stat: <c>cpu user nice system idle iowait irq softirq steal guest guest_nice</c>.</summary>
    /// <exception cref="FormatException">no aggregate cpu line.</exception>
    public static CpuTimes ParseStat(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("cpu ", StringComparison.Ordinal))
            {
                continue;
            }

            var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(ParseLong).ToArray();
            if (v.Length < 4)
            {
                break;
            }

            long At(int i) => i < v.Length ? v[i] : 0;
            var idle = At(3) + At(4);
            var busy = At(0) + At(1) + At(2) + At(5) + At(6) + At(7);
            return new CpuTimes(busy, busy + idle);
        }

        throw new FormatException("/proc/stat has no aggregate 'cpu' line");
    }

    /// <summary>/proc/meminfo: MemTotal and MemAvailable in bytes (the file says kB, meaning KiB).</summary>
    /// <exception cref="FormatException">either is missing.</exception>
    public static (long TotalBytes, long AvailableBytes) ParseMemInfo(string text)
    {
        long? total = null;
        long? available = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                total = KibValue(line);
            }
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                available = KibValue(line);
            }
        }

        return total is { } t && available is { } a ? (t, a) : throw new FormatException("/proc/meminfo lacks MemTotal or MemAvailable");
    }

    /// <summary>/proc/[pid]/stat: utime + stime (fields 14 and 15) in ticks. The comm field may contain spaces and parentheses, so fields are counted after the last ')'.</summary>
    /// <exception cref="FormatException">not a stat line.</exception>
    public static long ParseSelfStatTicks(string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            throw new FormatException("/proc/self/stat has no ')'");
        }

        // After ')' the fields start at 3 (state); utime is field 14, stime 15 → indexes 11 and 12.
        var f = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return f.Length > 12 ? ParseLong(f[11]) + ParseLong(f[12]) : throw new FormatException("/proc/self/stat has too few fields");
    }

    /// <summary>/proc/[pid]/status: VmRSS in bytes.</summary>
    /// <exception cref="FormatException">no VmRSS line.</exception>
    public static long ParseSelfStatusRss(string text) =>
        text.Split('\n').FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } line
            ? KibValue(line)
            : throw new FormatException("/proc/self/status has no VmRSS");

    private static long KibValue(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? ParseLong(parts[1]) * 1024 : throw new FormatException("no value in: " + line);
    }

    private static long ParseLong(string s) =>
        long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException("not an integer: " + s);
}
