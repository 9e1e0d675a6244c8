using System.Globalization;

namespace LiveRoom.EndToEnd;

/// <summary>A process seen in /proc: its pid and start time (so a reused pid is not mistaken for it).</summary>
internal readonly record struct ProcInfo(int Pid, int ParentPid, long StartTicks, string Command);

/// <summary>Reads the process tree from /proc (Linux).</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<ProcInfo> All()
    {
        var list = new List<ProcInfo>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && TryRead(pid, out var info))
            {
                list.Add(info);
            }
        }

        return list;
    }

    /// <summary>Every descendant of <paramref name="root"/> (not the root itself).</summary>
    public static IReadOnlyList<ProcInfo> Descendants(int root)
    {
        var all = All();
        var byParent = all.ToLookup(p => p.ParentPid);
        var result = new List<ProcInfo>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            foreach (var child in byParent[queue.Dequeue()])
            {
                result.Add(child);
                queue.Enqueue(child.Pid);
            }
        }

        return result;
    }

    /// <summary>True when the same process (pid and start time) still exists and is not a zombie.</summary>
    public static bool IsAlive(ProcInfo process) =>
        TryRead(process.Pid, out var now) && now.StartTicks == process.StartTicks && State(process.Pid) != 'Z';

    public static bool TryRead(int pid, out ProcInfo info)
    {
        info = default;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // "pid (comm) state ppid ..." — comm may hold spaces and parentheses: split after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cmdline = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Replace('\0', ' ').Trim();
            info = new ProcInfo(
                pid,
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[19], CultureInfo.InvariantCulture),
                cmdline);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static char State(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return 'X';
        }
    }
}
