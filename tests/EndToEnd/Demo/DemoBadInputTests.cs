using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd.Demo;

/// <summary>Issue 2, "Bad input": a missing program or a wrong option stops the demo with one clear line.</summary>
public sealed class DemoBadInputTests
{
    [Fact]
    public async Task Demo_FfmpegNotOnPath_OneLineNamingProgramAndPackage()
    {
        using var state = new TempDirectory("demo-bad");

        var result = await RunDemoAsync(state, ["--rooms", "1"], new Dictionary<string, string> { ["PATH"] = state.Path });

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(Lines(result.Stderr));
        Assert.Equal("liveroom-demo: program 'ffmpeg' was not found on PATH (Debian package 'ffmpeg'; run scripts/install.sh)", line);
        Assert.DoesNotContain("   at ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_ZeroRooms_OneLineNamingSwitch()
    {
        using var state = new TempDirectory("demo-bad");

        var result = await RunDemoAsync(state, ["--rooms", "0"], null);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(Lines(result.Stderr));
        Assert.Equal("liveroom-demo: configuration error: --rooms (Demo:Rooms) is 0; allowed is 1 to 20", line);
        Assert.DoesNotContain("   at ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_ProbeExecutableMissing_OneLineNamingItAndHowToMakeIt()
    {
        using var state = new TempDirectory("demo-bad");
        var missing = state.Combine("no-such-probe");

        var result = await RunDemoAsync(state, ["--rooms", "1", "--probe", missing], null);

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(Lines(result.Stderr));
        Assert.Equal($"liveroom-demo: --probe {missing}: no such file (make probe-native publishes the native probe into var/probe-native)", line);
        Assert.DoesNotContain("   at ", result.Stdout, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunDemoAsync(
        TempDirectory state, IReadOnlyList<string> extra, IReadOnlyDictionary<string, string>? environment)
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        await using var demo = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "liveroom-demo",
            FileName = ProgramLocator.Require("dotnet"),
            Arguments =
            [
                RepositoryPaths.ProjectDll("Demo", "liveroom-demo"),
                "--state", state.Path,
                "--bin", RepositoryPaths.Src,
                "--configuration", RepositoryPaths.Configuration,
                .. extra,
            ],
            WorkingDirectory = state.Path,
            Environment = environment,
            StdoutLine = line => { lock (stdout) { stdout.Add(line); } },
            StderrLine = line => { lock (stderr) { stderr.Add(line); } },
        });
        var code = await demo.Exited.WaitAsync(TimeSpan.FromSeconds(60));
        lock (stdout)
        {
            lock (stderr)
            {
                return (code, string.Join('\n', stdout), string.Join('\n', stderr));
            }
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
