using System.Globalization;

namespace LiveRoom.Ingest.Bench;

/// <summary>CPU seconds (user + system) of a process, or of this process's threads by name, from /proc, to show where the time goes.</summary>
internal static class CpuMeter
{
    private const double TicksPerSecond = 100.0;

    public static double Seconds(int pid) => Parse(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat")).Seconds;

    public static double Self() => Seconds(Environment.ProcessId);

    /// <summary>CPU seconds of each live thread of this process, by thread id, with its name.</summary>
    public static Dictionary<string, (string Name, double Seconds)> Threads()
    {
        var threads = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
        foreach (var dir in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                threads[Path.GetFileName(dir)] = Parse(File.ReadAllText(Path.Combine(dir, "stat")));
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return threads;
    }

    /// <summary>CPU seconds spent between two <see cref="Threads"/> snapshots, summed by thread name, largest first.</summary>
    public static string ByName(Dictionary<string, (string Name, double Seconds)> before, Dictionary<string, (string Name, double Seconds)> after) =>
        string.Join(", ", after
            .GroupBy(t => t.Value.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Seconds: g.Sum(t => t.Value.Seconds - (before.TryGetValue(t.Key, out var b) ? b.Seconds : 0))))
            .Where(g => g.Seconds >= 0.01)
            .OrderByDescending(g => g.Seconds)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"'{g.Name}' {g.Seconds:0.00}")));

    private static (string Name, double Seconds) Parse(string stat)
    {
        // Fields after the command name (which may contain spaces) start after the last ')'.
        var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (name, (utime + stime) / TicksPerSecond);
    }
}
