using System.Net;
using System.Net.Sockets;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Dashboard.Tests;

/// <summary>A bad InfluxDB URL stops the dashboard at start with a message naming the key (issue 2, "Bad input").</summary>
public sealed class StartupTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "liveroom-dashboard.dll");

    [Fact]
    public async Task Process_BadInfluxUrl_PrintsOneLineOnStderrAndExits2()
    {
        using var logs = new Testing.TempDirectory("dashboard-logs");

        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Dll, "--Dashboard:Influx:Url=localhost:8086", "--urls=http://127.0.0.1:0", $"--Logging:Directory={logs.Path}"],
            TimeSpan.FromSeconds(60),
            CancellationToken.None);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("liveroom-dashboard: configuration error: Dashboard:Influx:Url 'localhost:8086'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_PortInUse_PrintsOneLineAndExits3()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var logs = new Testing.TempDirectory("dashboard-logs");

        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Dll, "--Dashboard:Influx:Url=http://127.0.0.1:8086", $"--urls=http://127.0.0.1:{port}", $"--Logging:Directory={logs.Path}"],
            TimeSpan.FromSeconds(60),
            CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
    }
}
