namespace LiveRoom.Probe.HostHealth;

/// <summary>Field names of <c>host</c> points.</summary>
public static class HostPoints
{
    /// <summary>CPU use of the whole PC since the previous point, percent of all CPUs.</summary>
    public const string CpuPercent = "cpu_pct";

    public const string MemoryUsedBytes = "mem_used_bytes";
    public const string MemoryAvailableBytes = "mem_available_bytes";
    public const string MemoryTotalBytes = "mem_total_bytes";

    /// <summary>Free bytes (available to the probe's user) on the recordings' filesystem.</summary>
    public const string DiskFreeBytes = "disk_free_bytes";

    public const string DiskFreePercent = "disk_free_pct";
    public const string DiskTotalBytes = "disk_total_bytes";

    /// <summary>CPU package temperature, °C (omitted where the kernel exposes none).</summary>
    public const string CpuTemperature = "cpu_temp_c";

    /// <summary>The probe process's own CPU since the previous point, percent of one CPU.</summary>
    public const string ProbeCpuPercent = "probe_cpu_pct";

    public const string ProbeRssBytes = "probe_rss_bytes";

    /// <summary>The collector's clock minus ours, ms (when the clock estimator has a sample).</summary>
    public const string ClockOffsetMs = "clock_offset_ms";

    /// <summary>Uncertainty bound of <see cref="ClockOffsetMs"/>: the exchange's round trip, ms.</summary>
    public const string ClockDelayMs = "clock_delay_ms";
}
