using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts.Store;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts;

/// <summary>
/// The real <c>liveroom-ingest</c> with a real broker: a low frame rate on a live room reaches the configured webhook
/// with a signed link, and the link opens the alert page served by the collector (InfluxDB is not needed for alerts).
/// </summary>
public sealed class HostAlertTests : IDisposable
{
    private readonly TempDirectory _dir = new("ingest-alerts-host");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task LowFps_ReachesWebhookWithWorkingLink()
    {
        var (broker, brokerDir) = await Services.StartMosquittoAsync();
        await using var _ = broker;
        using var __ = brokerDir;
        await using var robot = await RobotServer.StartAsync();
        using (var store = new AlertStore(_dir.Combine("state", "alerts.db")))
        {
            store.SaveRule(store.LoadRules().Single(r => r.Id == "fps_low") with { For = TimeSpan.Zero });
        }

        var page = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            IngestExecutable.Path,
            $"--Ingest:Influx:Url=http://127.0.0.1:{FreePort.Next()}/",
            $"--Ingest:Mqtt:Host={broker.Host}",
            $"--Ingest:Mqtt:Port={broker.Port}",
            $"--Ingest:StateDirectory={_dir.Combine("state")}",
            $"--Ingest:Alerts:HttpUrl={page}",
            "--Ingest:Alerts:Channels:0:Type=webhook",
            "--Ingest:Alerts:Channels:0:Name=hook",
            $"--Ingest:Alerts:Channels:0:Url={robot.Url("/webhook")}",
            $"--Logging:Directory={_dir.Combine("logs")}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await using var edge = new MosquittoClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "test-edge" });
        try
        {
            await edge.ConnectAsync(CancellationToken.None);
            long seq = 0;
            await Eventually.WaitAsync(
                async () =>
                {
                    // Published until it arrives: the collector subscribes only once it has started.
                    var batch = Payloads.Valid(firstSeq: ++seq, count: 1, ts: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                    await edge.PublishAsync(Topic.Metrics("s1", "r1", "stream"), Encoding.UTF8.GetBytes(batch), MqttQos.AtLeastOnce, false, CancellationToken.None);
                    await Task.Delay(300);
                    return !robot.Accepted.IsEmpty || process.HasExited;
                },
                done => done,
                TimeSpan.FromSeconds(60),
                "the alert at the webhook");
            Assert.False(process.HasExited, output.ToString());

            var alert = robot.Accepted.First().Body["alerts"]![0]!;
            Assert.Equal(("fps_low", "r1", "25.5 < 29.5"), (alert["rule"]!.GetValue<string>(), alert["room"]!.GetValue<string>(), alert["measured"]!.GetValue<string>()));
            var link = alert["link"]!.GetValue<string>();
            Assert.StartsWith(page + "/alerts/", link, StringComparison.Ordinal);
            using var http = new HttpClient();
            Assert.Contains("Frame rate below 30 fps", await http.GetStringAsync(new Uri(link)), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
