namespace LiveRoom.Probe.HostHealth;

/// <summary>The aggregate <c>cpu</c> line of /proc/stat, in ticks: busy and total (idle + iowait count as not busy; guest time is already inside user).</summary>
public readonly record struct CpuTimes(long Busy, long Total)
{
    /// <summary>CPU use between two readings, percent of all CPUs (null when no tick passed or the counters went back).</summary>
    public static double? Percent(CpuTimes previous, CpuTimes current)
    {
        var total = current.Total - previous.Total;
        var busy = current.Busy - previous.Busy;
        return total > 0 && busy >= 0 ? Math.Clamp(100.0 * busy / total, 0, 100) : null;
    }
}
