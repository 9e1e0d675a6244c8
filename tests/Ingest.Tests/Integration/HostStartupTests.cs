using System.Diagnostics;
using System.Text;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Integration;

/// <summary>The real executable against a real broker while InfluxDB is unreachable: it keeps running and warns, naming the URL.</summary>
public sealed class HostStartupTests : IDisposable
{
    private readonly TempDirectory _dir = new("ingest-host");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_InfluxUnreachable_WarnsNamingTheUrlAndKeepsRunning()
    {
        var (broker, brokerDir) = await Services.StartMosquittoAsync();
        await using var _ = broker;
        using var __ = brokerDir;
        var url = $"http://127.0.0.1:{LiveRoom.Runtime.Processes.FreePort.Next()}/";
        var output = new StringBuilder();
        var warned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            IngestExecutable.Path,
            $"--Ingest:Influx:Url={url}",
            $"--Ingest:Mqtt:Host={broker.Host}",
            $"--Ingest:Mqtt:Port={broker.Port}",
            $"--Ingest:StateDirectory={_dir.Combine("state")}",
            $"--Logging:Directory={_dir.Combine("logs")}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = start };
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains("is not ready", StringComparison.Ordinal) && e.Data.Contains(url, StringComparison.Ordinal))
            {
                warned.TrySetResult();
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await warned.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(process.HasExited, output.ToString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

}
