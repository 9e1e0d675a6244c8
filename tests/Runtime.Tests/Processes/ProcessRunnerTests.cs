using LiveRoom.Runtime.Processes;

namespace LiveRoom.Runtime.Tests.Processes;

public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task RunAsync_ArgumentsWithSpaces_PassedVerbatim()
    {
        var result = await ProcessRunner.RunAsync("printf", ["%s|", "a b", "c;d", "$HOME"], TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a b|c;d|$HOME|\n", result.Stdout);
    }

    [Fact]
    public async Task RunAsync_MissingProgram_NamesIt()
    {
        var ex = await Assert.ThrowsAsync<ProcessFailedException>(() =>
            ProcessRunner.RunAsync("no-such-program-xyz", [], TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Contains("no-such-program-xyz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsAndReports()
    {
        var ex = await Assert.ThrowsAsync<ProcessFailedException>(() =>
            ProcessRunner.RunAsync("sleep", ["30"], TimeSpan.FromMilliseconds(300), CancellationToken.None));
        Assert.Contains("did not finish", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureSuccess_NonZeroExit_CarriesExitCodeAndStderr()
    {
        var result = await ProcessRunner.RunAsync("sh", ["-c", "echo broken pipe >&2; exit 7"], TimeSpan.FromSeconds(10), CancellationToken.None);
        var ex = Assert.Throws<ProcessFailedException>(() => result.EnsureSuccess());
        Assert.Equal(7, ex.ExitCode);
        Assert.Contains("broken pipe", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChildProcess_StopAsync_TerminatesWholeTree()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"liveroom-child-{Guid.NewGuid():N}");
        var child = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "tree",
            FileName = "sh",
            // The shell ignores SIGTERM so the stop must escalate to killing the tree, grandchild included.
            Arguments = ["-c", $"trap '' TERM; sleep 300 & echo $! > {pidFile}; wait"],
        });
        await LiveRoom.Testing.Eventually.WaitAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0, TimeSpan.FromSeconds(10), "grandchild pid");
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await child.StopAsync(TimeSpan.FromMilliseconds(500));
        Assert.True(child.HasExited);
        await LiveRoom.Testing.Eventually.WaitAsync(() => !Directory.Exists($"/proc/{grandchild}"), TimeSpan.FromSeconds(10), "grandchild to exit");
        File.Delete(pidFile);
    }
}
