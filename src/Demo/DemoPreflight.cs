using System.Globalization;
using LiveRoom.Demo.Stack;
using LiveRoom.Runtime.Hosting;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Demo;

/// <summary>Checks before anything starts: programs, built services, one demo per state directory.</summary>
internal static class DemoPreflight
{
    /// <summary>Programs the demo needs and the Debian package of each.</summary>
    private static readonly (string Program, string Package)[] Programs =
        [("ffmpeg", "ffmpeg"), ("mosquitto", "mosquitto"), ("influxd", "influxdb")];

    /// <exception cref="ProcessFailedException">a program is missing (the message names it and its package).</exception>
    /// <exception cref="StartupException">a service has not been built.</exception>
    public static void Check(DemoLayout layout)
    {
        foreach (var (program, package) in Programs)
        {
            ProgramLocator.Require(program, package);
        }

        // The probe is either the executable --probe names or the JIT build's dll, like the other services.
        var probe = layout.Options.ProbeExecutable;
        var needed = new List<(string Project, string Assembly)>();
        if (probe is not { Length: > 0 })
        {
            needed.Add((DemoCommands.ProbeProject, DemoCommands.ProbeAssembly));
        }
        else if (!File.Exists(probe))
        {
            throw new StartupException($"--probe {probe}: no such file (make probe-native publishes the native probe into var/probe-native)");
        }

        needed.Add((DemoCommands.IngestProject, DemoCommands.IngestAssembly));
        needed.Add((DemoCommands.DashboardProject, DemoCommands.DashboardAssembly));
        foreach (var (project, assembly) in needed)
        {
            var dll = layout.Dll(project, assembly);
            if (!File.Exists(dll))
            {
                throw new StartupException($"{dll} not found: build first (make build), or point --bin at the directory holding {project}/bin/");
            }
        }
    }

    /// <summary>The dotnet host running this process, else dotnet on PATH.</summary>
    public static string Dotnet() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? path
            : ProgramLocator.Require("dotnet");

    /// <summary>Writes this process's pid, refusing when another live demo owns the state directory.</summary>
    public static void ClaimPidFile(DemoLayout layout)
    {
        if (File.Exists(layout.PidFile)
            && int.TryParse(File.ReadAllText(layout.PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var other)
            && other != Environment.ProcessId
            && IsDemo(other))
        {
            throw new StartupException($"another liveroom-demo (pid {other}) is using {layout.State}; stop it first or use --state");
        }

        File.WriteAllText(layout.PidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
    }

    /// <summary>Polls <c>/healthz</c> until it answers, the dashboard exits, or <see cref="Options.DemoDefaults.ReadyTimeout"/> passes.</summary>
    public static async Task WaitForHealthAsync(Uri dashboard, int pid, TimeProvider time, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(2) };
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < Options.DemoDefaults.ReadyTimeout)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (!Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}"))
            {
                throw new StartupException("the dashboard exited during start-up (see the log above)");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
        }

        throw new StartupException($"the dashboard did not answer {dashboard}healthz within {Options.DemoDefaults.ReadyTimeout.TotalSeconds} s");
    }

    private static bool IsDemo(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Contains("liveroom-demo", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
