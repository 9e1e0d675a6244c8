using System.Globalization;

namespace LiveRoom.Ingest.Bench;

/// <summary>CPU seconds (user + system) of a process from /proc/{pid}/stat, to show where the time goes.</summary>
internal static class CpuMeter
{
    private const double TicksPerSecond = 100.0;

    public static double Seconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        // Fields after the command name (which may contain spaces) start after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (utime + stime) / TicksPerSecond;
    }

    public static double Self() => Seconds(Environment.ProcessId);
}
