using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Hosting;

/// <summary>Runs the real <c>liveroom-probe</c> executable (<see cref="ProbeExecutable"/>) with settings on the command line.</summary>
internal static class ProbeProcess
{
    public static string Path => ProbeExecutable.Path;

    public static IReadOnlyList<string> Args(string stateDir, IReadOnlyDictionary<string, string> settings) =>
    [
        $"--Logging:Directory={System.IO.Path.Combine(stateDir, "logs")}",
        $"--Probe:Outbox:Directory={System.IO.Path.Combine(stateDir, "outbox")}",
        $"--Probe:Lifecycle:Directory={System.IO.Path.Combine(stateDir, "lifecycle")}",
        "--Probe:Display:Url=http://127.0.0.1:0",
        .. settings.Select(kv => $"--{kv.Key}={kv.Value}"),
    ];

    public static Task<ProcessResult> RunToExitAsync(string stateDir, IReadOnlyDictionary<string, string> settings) =>
        ProcessRunner.RunAsync(Path, Args(stateDir, settings), TimeSpan.FromSeconds(60), CancellationToken.None);

    public static ChildProcess Start(string stateDir, IReadOnlyDictionary<string, string> settings) =>
        ChildProcess.Start(new ChildProcessStartInfo { Name = "liveroom-probe", FileName = Path, Arguments = Args(stateDir, settings) });
}
