using System.Globalization;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Alerting;

/// <summary>
/// The real collector (<c>liveroom-ingest</c> from this build) for its alert listener and admin API: the database stays
/// unreachable (port 9 refuses at once), which it tolerates, and so does the broker unless one is given (then its alert
/// rules run on what is published there).
/// </summary>
internal static class CollectorProcess
{
    public const string AdminToken = "collector-admin-token-0123456789-abcdef";

    /// <summary>Starts it in <paramref name="directory"/> and waits until its listener answers; returns it and its URL.</summary>
    /// <remarks><paramref name="arguments"/>: more options, e.g. notification channels (<see cref="NoticeReceiver.CollectorArguments"/>).</remarks>
    public static async Task<(ChildProcess Process, string Url)> StartAsync(string directory, int brokerPort = 9, params string[] arguments)
    {
        var url = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
        var collector = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "liveroom-ingest (admin API)",
            FileName = "dotnet",
            Arguments =
            [
                RepositoryPaths.ProjectDll("Ingest", "liveroom-ingest"),
                "--Ingest:Mqtt:Host=127.0.0.1",
                $"--Ingest:Mqtt:Port={brokerPort.ToString(CultureInfo.InvariantCulture)}",
                "--Ingest:Influx:Url=http://127.0.0.1:9",
                $"--Ingest:StateDirectory={Path.Combine(directory, "ingest")}",
                $"--Ingest:Alerts:HttpUrl={url}",
                $"--Ingest:Alerts:AdminToken={AdminToken}",
                $"--Logging:Directory={Path.Combine(directory, "ingest-logs")}",
                .. arguments,
            ],
            WorkingDirectory = directory,
        });
        await Eventually.AnswersAsync(new Uri(url + "/healthz"), collector, TimeSpan.FromSeconds(60), "the collector's alert listener");
        return (collector, url);
    }
}
