using System.Globalization;
using LiveRoom.Probe.Stream;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Stream;

public sealed class ReaderPipesTests
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Create_StaleDirectoryOfADeadProbe_LetsItsBlockedReaderGoAndRemovesIt()
    {
        // A probe killed with SIGKILL leaves its directory, and its ffmpeg blocked opening a FIFO that no one will read.
        // A private root: a probe test running beside this one would otherwise let the writer go before it is checked.
        using var root = new TempDirectory();
        var deadPid = DeadPid();
        var stale = Path.Combine(root.Path, $"liveroom-probe-fifo-{deadPid.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(stale);
        var log = Path.Combine(stale, "log");
        Fifo.Create(log, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var orphan = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "orphan writer",
            FileName = "sh",
            Arguments = ["-c", "echo report > \"$0\"", log],
        });
        await Task.Delay(300);
        Assert.False(orphan.HasExited, "the writer should be blocked opening the FIFO");

        using var pipes = ReaderPipes.Create(root.Path);

        await orphan.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(pipes.Directory));
    }

    /// <summary>A pid no process has now (below pid_max, counting down from its top).</summary>
    private static int DeadPid()
    {
        var max = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), CultureInfo.InvariantCulture);
        for (var pid = max - 1; pid > 1; pid--)
        {
            if (!Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}"))
            {
                return pid;
            }
        }

        throw new InvalidOperationException("no free pid");
    }
}
