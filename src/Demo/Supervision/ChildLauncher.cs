using System.Diagnostics;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Demo.Supervision;

/// <summary>Starts the demo's children as <see cref="RunningChild"/>ren.</summary>
internal sealed class ChildLauncher(ILogger logger)
{
    private const int TailLines = 8;

    /// <summary>
    /// Starts <paramref name="program"/> as the leader of its own process group (see <see cref="ProcessGroup"/>). For a LiveRoom
    /// service (<paramref name="liveRoomService"/>), whose log goes to stdout, the stdout tail is kept too
    /// and its warnings and errors are echoed on the demo's console.
    /// </summary>
    public RunningChild Start(string name, string program, IReadOnlyList<string> arguments, string workingDirectory, bool liveRoomService)
    {
        var stdoutTail = new Queue<string>();
        var path = ProgramLocator.Require(program);
        Directory.CreateDirectory(workingDirectory);
        var child = ChildProcess.Start(
            new ChildProcessStartInfo
            {
                Name = name,
                FileName = path,
                Arguments = arguments,
                WorkingDirectory = workingDirectory,
                OwnProcessGroup = true,
                // Workstation GC: several .NET services share two cores in the demo.
                Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["DOTNET_gcServer"] = "0" },
                StdoutLine = liveRoomService ? line => OnServiceLine(name, line, stdoutTail) : null,
                StderrTailLines = TailLines,
            },
            logger);
        return new RunningChild
        {
            Pid = child.Id,
            Exited = ExitCodeAsync(child),
            Tail = () => Tail(child, stdoutTail),
            StopAsync = grace => child.StopAsync(grace),
            OwnGroup = ProcessGroup.Setsid is not null,
        };
    }

    /// <summary>A child started by someone else (LiveRoom.Runtime's servers), watched by pid.</summary>
    public static RunningChild Watch(int pid, Func<string> tail, Func<TimeSpan, Task> stop) => new()
    {
        Pid = pid,
        Exited = WaitForPidAsync(pid),
        Tail = tail,
        StopAsync = stop,
    };

    private static async Task<int?> ExitCodeAsync(ChildProcess child) => await child.Exited;

    private static async Task<int?> WaitForPidAsync(int pid)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }

        using (process)
        {
            await process.WaitForExitAsync();
            try
            {
                return process.ExitCode;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    private void OnServiceLine(string name, string line, Queue<string> tail)
    {
        lock (tail)
        {
            tail.Enqueue(line);
            while (tail.Count > TailLines)
            {
                tail.Dequeue();
            }
        }

        // Console format of LiveRoom.Runtime.Logging: "HH:mm:ss.fff LVL Source: message".
        // The demo's own log line carries the time already.
        var message = line.Length > 13 && line[2] == ':' && line[8] == '.' ? line[13..] : line;
        if (line.Contains(" WRN ", StringComparison.Ordinal) || line.Contains(" ERR ", StringComparison.Ordinal) || line.Contains(" FTL ", StringComparison.Ordinal))
        {
            SupervisorLog.ChildSaid(logger, name, message);
        }
    }

    private static string Tail(ChildProcess child, Queue<string> stdoutTail)
    {
        string stdout;
        lock (stdoutTail)
        {
            stdout = string.Join(" | ", stdoutTail);
        }

        var stderr = child.StderrTail(TailLines);
        return (stdout.Length, stderr.Length) switch
        {
            (0, 0) => "(no output)",
            (0, _) => stderr,
            (_, 0) => stdout,
            _ => $"{stderr} || stdout: {stdout}",
        };
    }
}
