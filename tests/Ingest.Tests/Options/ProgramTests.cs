using System.Diagnostics;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Options;

/// <summary>The real executable: a bad setting stops it with one clear line and exit code 2, no stack trace.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly TempDirectory _dir = new("ingest-host");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_RetentionBelow60Days_ExitsWithOneLineCitingTheRequirement()
    {
        var (exit, stdout, stderr) = await RunAsync("--Ingest:Influx:RetentionDays=30", $"--Logging:Directory={_dir.Combine("logs")}", $"--Ingest:StateDirectory={_dir.Combine("state")}");

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("liveroom-ingest: configuration error: Ingest:Influx:RetentionDays is 30; it must be 60–36500 days", line, StringComparison.Ordinal);
        Assert.Contains("seed clauses 6.2.3 and 7.4.5", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SecurityVerb_DispatchesToTheSecurityCommand()
    {
        var (exit, stdout, stderr) = await RunAsync("security");

        Assert.Equal(2, exit);
        Assert.StartsWith("usage: security generate", stdout + stderr, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(IngestExecutable.Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
