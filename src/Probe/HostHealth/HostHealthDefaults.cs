namespace LiveRoom.Probe.HostHealth;

/// <summary>Every documented default of <see cref="HostHealthOptions"/>.</summary>
public static class HostHealthDefaults
{
    /// <summary>Period of <c>host</c> points: 5 s.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(5);

    /// <summary>Where the kernel's process and system tables are read.</summary>
    public const string ProcRoot = "/proc";

    /// <summary>Where the kernel's thermal zones are read.</summary>
    public const string ThermalRoot = "/sys/class/thermal";

    /// <summary>
    /// USER_HZ: the unit of the tick counts in /proc/[pid]/stat. Part of the kernel's user ABI and 100 on every
    /// architecture Linux ships (sysconf(_SC_CLK_TCK)).
    /// </summary>
    public const int UserHz = 100;

    /// <summary>Thermal zone types that measure the CPU package, most preferred first; then any type containing "cpu".</summary>
    public static readonly IReadOnlyList<string> PreferredThermalTypes = ["x86_pkg_temp", "cpu-thermal", "cpu_thermal", "k10temp", "coretemp"];
}
