using System.Globalization;
using LiveRoom.Demo.Notices;
using LiveRoom.Demo.Options;
using LiveRoom.Demo.Stack;
using LiveRoom.Demo.Supervision;
using LiveRoom.Runtime.Hosting;
using LiveRoom.Runtime.Processes;
using LiveRoom.Runtime.Services;
using Microsoft.Extensions.Options;

namespace LiveRoom.Demo;

/// <summary>
/// <c>make demo</c>: starts Mosquitto, InfluxDB, the collector, the dashboard, and per room a synthetic
/// encoder and an edge worker, as children; watches and restarts them; on SIGINT/SIGTERM stops them in
/// reverse order (SIGTERM, grace, SIGKILL) so no process is left behind (issue 2, item 3).
/// </summary>
internal sealed partial class DemoSupervisor(
    IOptions<DemoOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DemoSupervisor> logger,
    TimeProvider time) : IHostedService, IDisposable
{
    // Built on first use, after the host has validated the options (a bad option is then one line, not a crash).
    private DemoLayout _layout => field ??= new(options.Value, Environment.CurrentDirectory);

    private Dictionary<string, int> _doors = [];
    private int _uplinkPort;
    private readonly ChildLauncher _launcher = new(logger);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<List<Supervised>> _tiers = [];
    private readonly List<Task> _watches = [];
    private Task _run = Task.CompletedTask;
    private bool _ownsPidFile;
    private NoticeInbox? _inbox;

    /// <summary>0 after a clean stop; 1 when a core child could not be kept running; 3 when the demo could not start.</summary>
    public int ExitCode { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Start in the background: Ctrl-C during start-up must work, and a failure is reported as one line.
        _run = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _run;
        await Task.WhenAll(_watches);
        for (var i = _tiers.Count - 1; i >= 0; i--)
        {
            await Task.WhenAll(_tiers[i].Select(c => c.StopAsync(DemoDefaults.StopGrace)));
        }

        if (_inbox is not null)
        {
            await _inbox.DisposeAsync();
        }

        if (_ownsPidFile)
        {
            File.Delete(_layout.PidFile);
        }

        LogStopped(logger);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            DemoPreflight.Check(_layout);
            Directory.CreateDirectory(_layout.State);
            Directory.CreateDirectory(_layout.Logs);
            DemoPreflight.ClaimPidFile(_layout);
            _ownsPidFile = true;
            await StartAllAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is StartupException or ProcessFailedException or IOException or UnauthorizedAccessException)
        {
            Fail(ex.Message, HostRunner.StartupError);
        }
        catch (Exception ex)
        {
            LogStartFailed(logger, ex);
            Fail(ex.Message, HostRunner.StartupError);
        }
    }

    private async Task StartAllAsync(CancellationToken stopping)
    {
        var dotnet = DemoPreflight.Dotnet();
        MosquittoServer? mqtt = null;
        await StartTierAsync(stopping, Core("mosquitto", async (restart, ct) =>
        {
            if (restart)
            {
                await mqtt!.RestartAsync(ct);
            }
            else
            {
                mqtt = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = _layout.Mosquitto, OwnProcessGroup = true }, ct);
            }

            return ChildLauncher.Watch(mqtt.ProcessId, () => TailOfFile(mqtt.LogPath), _ => mqtt.StopAsync(CancellationToken.None));
        }));

        InfluxServer? influx = null;
        await StartTierAsync(stopping, Core("influxd", async (restart, ct) =>
        {
            if (restart)
            {
                await influx!.RestartAsync(ct);
            }
            else
            {
                influx = await InfluxServer.StartAsync(new InfluxServerOptions { DataDirectory = _layout.Influx, OwnProcessGroup = true }, ct);
            }

            return ChildLauncher.Watch(influx.ProcessId, () => influx.Process?.StderrTail(10) ?? string.Empty, _ => influx.StopAsync(CancellationToken.None));
        }));

        // In-process, not a child: it only receives. Started before the collector and the watchdog, which post to it.
        _inbox = new NoticeInbox(_layout.NoticesLog, logger, time, _layout.NoticeSecret);
        await _inbox.StartAsync(0, stopping);

        var alertsPort = FreePort.Next();
        _uplinkPort = FreePort.Next();
        // Chosen before the collector starts: its alert page links each alert's room page on the dashboard.
        var dashboardPort = _layout.Options.DashboardPort == 0 ? FreePort.Next() : _layout.Options.DashboardPort;
        await StartTierAsync(stopping, Service("ingest", dotnet, DemoCommands.Ingest(_layout, mqtt!.Host, mqtt.Port, influx!.BaseUri, alertsPort, _uplinkPort, dashboardPort, _inbox.WebhookUrl), _layout.Ingest, core: true));
        await StartTierAsync(stopping, Service("watchdog", dotnet, DemoCommands.Watchdog(_layout, mqtt.Host, mqtt.Port, influx.BaseUri, _inbox.WebhookUrl), _layout.Ingest, core: false));
        await ImportShowsAsync(dotnet, stopping);

        var dashboard = Service("dashboard", dotnet, DemoCommands.Dashboard(_layout, dashboardPort, influx.BaseUri, mqtt.Host, mqtt.Port, alertsPort), _layout.Dashboard, core: true);
        await StartTierAsync(stopping, dashboard);
        var dashboardUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{dashboardPort}/"));
        await DemoPreflight.WaitForHealthAsync(dashboardUri, dashboard.Pid, time, stopping);
        await SeedRotaAsync(alertsPort, stopping);

        var ports = _layout.Rooms.ToDictionary(r => r, _ => FreeUdpPort.Next(), StringComparer.Ordinal);
        await StartTierAsync(stopping, [.. _layout.Rooms.Select(room => Encoder(room, ports[room]))]);
        _doors = _layout.Rooms.ToDictionary(r => r, _ => FreePort.Next(), StringComparer.Ordinal);
        await StartTierAsync(stopping, [.. _layout.Rooms.Select(room => Probe(room, dotnet, ports[room], _doors[room], mqtt))]);

        PrintSummary(mqtt, influx, dashboardUri);
    }

    /// <summary>Puts the demo's shows into the dashboard's store before it starts (it pushes them to the edges at start).</summary>
    private async Task ImportShowsAsync(string dotnet, CancellationToken stopping)
    {
        Directory.CreateDirectory(_layout.Dashboard);
        var file = Path.Combine(_layout.Dashboard, "demo-shows.csv");
        await File.WriteAllTextAsync(file, DemoCommands.DemoShows(_layout, time.GetUtcNow()), stopping);
        var result = await ProcessRunner.RunAsync(dotnet, DemoCommands.ImportShows(_layout, file), TimeSpan.FromSeconds(60), stopping);
        if (result.ExitCode != 0)
        {
            // A demo without shows still runs (rooms read "unscheduled"); say why.
            LogShowsNotImported(logger, result.Stderr.Trim());
        }
    }

    /// <summary>A rota, so that the demo's notices name someone; the demo runs on without one when the collector refuses.</summary>
    private async Task SeedRotaAsync(int alertsPort, CancellationToken stopping)
    {
        try
        {
            await DemoRota.SeedAsync(new Uri(DemoCommands.AlertsUrl(alertsPort) + "/"), _layout.AlertsAdminToken, _layout.Options.Site, logger, time, stopping);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stopping.IsCancellationRequested)
        {
            LogRotaNotSet(logger, DemoRota.Wait, ex.Message);
        }
        catch (System.Text.Json.JsonException ex)
        {
            LogRotaNotRead(logger, ex.Message);
        }
    }

    private async Task StartTierAsync(CancellationToken stopping, params Supervised[] tier)
    {
        var list = new List<Supervised>();
        _tiers.Add(list);
        foreach (var child in tier)
        {
            stopping.ThrowIfCancellationRequested();
            await child.StartAsync(stopping);
            list.Add(child);
            _watches.Add(child.WatchAsync(stopping));
        }
    }

    private Supervised Core(string name, Func<bool, CancellationToken, Task<RunningChild>> start) =>
        new(name, start, new RestartBackoff(giveUpOnConfigurationError: false, giveUpAfterQuickFailures: true), logger, time, GiveUp);

    private Supervised Service(string name, string program, IReadOnlyList<string> arguments, string workingDirectory, bool core) =>
        new(
            name,
            (_, _) => Task.FromResult(_launcher.Start(name, program, arguments, workingDirectory, liveRoomService: true)),
            new RestartBackoff(giveUpOnConfigurationError: true, giveUpAfterQuickFailures: core),
            logger,
            time,
            GiveUp);

    private Supervised Encoder(string room, int port)
    {
        var name = $"encoder {room}";
        var arguments = DemoCommands.Encoder(port, _layout.Options.VideoBitrateKbps);
        return new(
            name,
            (_, _) => Task.FromResult(_launcher.Start(name, "ffmpeg", arguments, _layout.Room(room), liveRoomService: false)),
            new RestartBackoff(giveUpOnConfigurationError: false, giveUpAfterQuickFailures: false),
            logger,
            time,
            GiveUp);
    }

    private Supervised Probe(string room, string dotnet, int port, int doorPort, MosquittoServer mqtt)
    {
        var (program, arguments) = DemoCommands.Probe(_layout, dotnet, room, port, mqtt.Host, mqtt.Port, doorPort, _uplinkPort);
        return Service($"probe {room}", program, arguments, _layout.Room(room), core: false);
    }

    private void GiveUp(string child, string reason)
    {
        ExitCode = 1;
        Console.Error.WriteLine($"liveroom-demo: stopping: {reason}");
        lifetime.StopApplication();
    }

    private void Fail(string message, int exitCode)
    {
        ExitCode = exitCode;
        Console.Error.WriteLine($"liveroom-demo: {message}");
        lifetime.StopApplication();
    }

    private void PrintSummary(MosquittoServer mqtt, InfluxServer influx, Uri dashboard)
    {
        var o = _layout.Options;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            LiveRoom demo: {o.Rooms} room(s) {string.Join(", ", _layout.Rooms)} at site {o.Site}, state in {_layout.State}
              MQTT broker  {mqtt.Host}:{mqtt.Port}
              InfluxDB     {influx.BaseUri} (database liveroom)
              Logs         {_layout.Logs}
              Dashboard    {dashboard}
              Notices      {_inbox!.Address} (the alert channel's inbox; every notice also in logs/notices.jsonl)
            {string.Concat(_doors.Select(d => $"  Door sign    {d.Key}: {DemoCommands.DoorUrl(d.Value)}/\n"))}Live values appear within about 30 s. Ctrl-C stops everything.

            """));
        LogReady(logger, dashboard);
    }

    private static string TailOfFile(string path)
    {
        try
        {
            return File.Exists(path) ? string.Join(" | ", File.ReadLines(path).TakeLast(5)) : $"({path} does not exist)";
        }
        catch (IOException ex)
        {
            return $"({path}: {ex.Message})";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo's on-call rota was not set: the collector's admin API did not answer within {Wait}: {Reason}")]
    private static partial void LogRotaNotSet(ILogger logger, TimeSpan wait, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo's on-call rota was not set: the collector's rota could not be read: {Reason}")]
    private static partial void LogRotaNotRead(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo's shows were not imported: {Reason}")]
    private static partial void LogShowsNotImported(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo running; dashboard at {Dashboard}")]
    private static partial void LogReady(ILogger logger, Uri dashboard);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo stopped; every child has exited")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo failed to start")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
