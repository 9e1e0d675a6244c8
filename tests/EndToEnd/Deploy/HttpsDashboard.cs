using System.Globalization;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd.Deploy;

/// <summary>The real dashboard process over TLS on 127.0.0.1, with PEM files through Kestrel's own endpoint settings (README, "HTTPS").</summary>
internal static class HttpsDashboard
{
    public static ChildProcess Start(TempDirectory dir, TestCertificates certificates, int port, string name, IReadOnlyDictionary<string, string>? environment = null, Action<string>? stdoutLine = null) =>
        ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = name,
            FileName = "dotnet",
            Arguments =
            [
                RepositoryPaths.ProjectDll("Dashboard", "liveroom-dashboard"),
                $"--Dashboard:Store:Path={dir.Combine("dashboard.db")}",
                // Nothing is read from InfluxDB here; port 9 (discard) refuses at once.
                "--Dashboard:Influx:Url=http://127.0.0.1:9",
                $"--Kestrel:Endpoints:Https:Url=https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                $"--Kestrel:Endpoints:Https:Certificate:Path={certificates.CertFile}",
                $"--Kestrel:Endpoints:Https:Certificate:KeyPath={certificates.KeyFile}",
                $"--Logging:Directory={dir.Combine("logs")}",
            ],
            WorkingDirectory = dir.Path,
            Environment = environment,
            StdoutLine = stdoutLine,
        });
}
