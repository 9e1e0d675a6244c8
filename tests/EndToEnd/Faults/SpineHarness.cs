using System.Globalization;
using System.Text.Json;
using LiveRoom.Probe.Outbox;
using LiveRoom.Runtime.Processes;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.EndToEnd.Faults;

/// <summary>
/// The whole messaging spine as real processes: mosquitto, influxd, the collector (<c>liveroom-ingest</c>)
/// and edges (<c>liveroom-probe</c>), each edge optionally behind a <see cref="TcpRelay"/> that can cut its link.
/// Points are counted by sequence number in InfluxDB: every edge numbers its points 1, 2, 3… so "nothing
/// lost" is "every number up to the last one is stored" and "no duplicate rows" is "count = distinct count".
/// </summary>
internal sealed class SpineHarness : IAsyncDisposable
{
    public const string Site = "fault";
    public const string Database = "liveroom";

    /// <summary>Every collector's admin API token (<c>Ingest:Alerts:AdminToken</c>).</summary>
    public const string AdminToken = "spine-admin-token-0123456789-abcdef";

    /// <summary>Every collector's key of the acknowledgement links (<c>Ingest:Alerts:TokenSecret</c>), shared as a standby group needs.</summary>
    public const string TokenSecret = "spine-link-secret-0123456789-abcdef";
    private readonly TempDirectory _root = new("spine");
    private readonly Dictionary<string, ChildProcess> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TcpRelay> _relays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChildProcess> _collectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _alertUrls = new(StringComparer.Ordinal);

    private SpineHarness()
    {
    }

    public MosquittoServer Broker { get; private set; } = null!;

    public InfluxServer Influx { get; private set; } = null!;

    public InfluxQuery Query { get; private set; } = null!;

    public static async Task<SpineHarness> StartAsync()
    {
        var h = new SpineHarness();
        h.Broker = await MosquittoServer.StartAsync(
            new MosquittoServerOptions { DataDirectory = h._root.Combine("mosquitto"), AutosaveInterval = TimeSpan.FromSeconds(30) },
            CancellationToken.None);
        h.Influx = await InfluxServer.StartAsync(new InfluxServerOptions { DataDirectory = h._root.Combine("influx") }, CancellationToken.None);
        h.Query = new InfluxQuery(h.Influx.BaseUri, Database);
        return h;
    }

    public static string Exe(string name) => Path.Combine(AppContext.BaseDirectory, name);

    /// <summary>
    /// The single collector, or with <paramref name="standbyInstance"/> one of several (primary/standby, 1 s heartbeat);
    /// <paramref name="environment"/> adds to the process's environment (systemd's NOTIFY_SOCKET and WATCHDOG_USEC).
    /// </summary>
    public ChildProcess StartCollector(string? standbyInstance = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var key = standbyInstance ?? string.Empty;
        var name = standbyInstance is null ? "ingest" : "ingest-" + standbyInstance;
        var alertUrl = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        List<string> arguments =
        [
            "--Ingest:Mqtt:Host=127.0.0.1",
            $"--Ingest:Mqtt:Port={Broker.Port.ToString(CultureInfo.InvariantCulture)}",
            $"--Ingest:Influx:Url={Influx.BaseUri.ToString().TrimEnd('/')}",
            $"--Ingest:StateDirectory={_root.Combine(name)}",
            // Several spines run in parallel: the collector's own HTTP endpoint needs a port of its own.
            $"--Ingest:Alerts:HttpUrl={alertUrl.ToString().TrimEnd('/')}",
            $"--Ingest:Alerts:AdminToken={AdminToken}",
            $"--Ingest:Alerts:TokenSecret={TokenSecret}",
            $"--Logging:Directory={_root.Combine("logs", name)}",
        ];
        if (standbyInstance is not null)
        {
            arguments.AddRange(["--Ingest:Standby:Enabled=true", $"--Ingest:Standby:Instance={standbyInstance}", "--Ingest:Alerts:HeartbeatInterval=00:00:01"]);
        }

        var collector = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "liveroom-" + name,
            FileName = Exe("liveroom-ingest"),
            Arguments = arguments,
            WorkingDirectory = _root.Path,
            Environment = environment,
        });
        _collectors[key] = collector;
        _alertUrls[key] = alertUrl;
        return collector;
    }

    /// <summary>Where the collector's alert page and admin API listen (its last start).</summary>
    public Uri AlertUrl(string? standbyInstance = null) => _alertUrls[standbyInstance ?? string.Empty];

    /// <summary>SIGKILL: a crash, nothing flushed, no goodbye.</summary>
    public async Task KillCollectorAsync(string? standbyInstance = null)
    {
        var collector = _collectors[standbyInstance ?? string.Empty];
        collector.Kill();
        await collector.Exited.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The collector's log events so far (its JSON log files): event id and rendered message.</summary>
    public IReadOnlyList<(int EventId, string Message)> CollectorEvents(string? standbyInstance = null) =>
        Events(standbyInstance is null ? "ingest" : "ingest-" + standbyInstance);

    /// <summary>The edge's log events so far, as <see cref="CollectorEvents"/>.</summary>
    public IReadOnlyList<(int EventId, string Message)> EdgeEvents(string room) => Events(room);

    private List<(int EventId, string Message)> Events(string logDirectory)
    {
        var directory = _root.Combine("logs", logDirectory);
        var events = new List<(int, string)>();
        if (!Directory.Exists(directory))
        {
            return events;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.log").Order(StringComparer.Ordinal))
        {
            // The collector is still writing it: the last line may be incomplete.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                try
                {
                    using var json = JsonDocument.Parse(line);
                    var root = json.RootElement;
                    var id = root.TryGetProperty("Properties", out var p) && p.TryGetProperty("EventId", out var e) && e.TryGetProperty("Id", out var i) ? i.GetInt32() : 0;
                    events.Add((id, root.TryGetProperty("RenderedMessage", out var m) ? m.GetString() ?? string.Empty : string.Empty));
                }
                catch (JsonException)
                {
                }
            }
        }

        return events;
    }

    /// <summary>Waits until the collector has logged event <paramref name="eventId"/> more than <paramref name="after"/> times; returns its message.</summary>
    public async Task<string> WaitForCollectorEventAsync(string? standbyInstance, int eventId, TimeSpan timeout, int after = 0)
    {
        try
        {
            var events = await Eventually.WaitAsync(
                () => Task.FromResult(CollectorEvents(standbyInstance).Where(e => e.EventId == eventId).ToList()),
                list => list.Count > after,
                timeout,
                $"event {eventId} from collector {standbyInstance}");
            return events[after].Message;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; {Diagnostics()}", ex);
        }
    }

    /// <summary>
    /// Starts the edge of <paramref name="room"/>; through a cuttable relay when <paramref name="viaRelay"/>;
    /// <paramref name="environment"/> adds to its environment (systemd's NOTIFY_SOCKET and WATCHDOG_USEC).
    /// </summary>
    public void StartEdge(string room, bool viaRelay = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = Broker.Port;
        if (viaRelay)
        {
            if (!_relays.TryGetValue(room, out var relay))
            {
                relay = new TcpRelay(Broker.Port);
                _relays[room] = relay;
            }

            port = relay.Port;
        }

        _edges[room] = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = $"liveroom-probe {room}",
            FileName = ProbeExecutable.Path,
            Arguments =
            [
                $"--Probe:Site={Site}",
                $"--Probe:Room={room}",
                // Nobody sends to this SRT listener: the edge still measures "stream down" every second,
                // which is a steady, numbered flow of points through the outbox.
                $"--Probe:SourceUrl=srt://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}?mode=listener",
                "--Probe:Mqtt:Host=127.0.0.1",
                $"--Probe:Mqtt:Port={port.ToString(CultureInfo.InvariantCulture)}",
                $"--Probe:Outbox:Directory={OutboxDirectory(room)}",
                "--Probe:Outbox:ResendAfter=00:00:10",
                "--Probe:Display:Url=", // no door page: several edges share this host
                $"--Logging:Directory={_root.Combine("logs", room)}",
            ],
            WorkingDirectory = _root.Path,
            Environment = environment,
        });
    }

    public TcpRelay Relay(string room) => _relays[room];

    public string OutboxDirectory(string room) => _root.Combine("edges", room);

    public async Task KillEdgeAsync(string room)
    {
        var edge = _edges[room];
        edge.Kill();
        await edge.Exited.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Stops the edge (SIGTERM) and reads from its outbox the last sequence number it assigned.</summary>
    public async Task<long> StopEdgeAndReadLastSeqAsync(string room)
    {
        await _edges[room].StopAsync(TimeSpan.FromSeconds(20));
        using var outbox = DiskOutbox.Open(
            new OutboxOptions { Directory = OutboxDirectory(room) },
            TimeProvider.System,
            NullLogger<DiskOutbox>.Instance);
        return outbox.NextSeq - 1;
    }

    /// <summary>Rows of <paramref name="room"/> with seq ≤ <paramref name="last"/>, over every measurement.</summary>
    public Task<long> CountAsync(string room, long last) =>
        SumOrZeroAsync($"SELECT count(seq) AS n FROM /.*/ WHERE site='{Site}' AND room='{room}' AND seq <= {last.ToString(CultureInfo.InvariantCulture)}", "n");

    /// <summary>Distinct sequence numbers of <paramref name="room"/> up to <paramref name="last"/> (per measurement; edges never reuse one across kinds).</summary>
    public Task<long> DistinctAsync(string room, long last) =>
        SumOrZeroAsync($"SELECT count(distinct(seq)) AS n FROM /.*/ WHERE site='{Site}' AND room='{room}' AND seq <= {last.ToString(CultureInfo.InvariantCulture)}", "n");

    /// <summary>0 until the collector has created the database.</summary>
    private async Task<long> SumOrZeroAsync(string influxQl, string column)
    {
        try
        {
            return await Query.SumAsync(influxQl, column);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("database not found", StringComparison.Ordinal))
        {
            return 0;
        }
    }

    /// <summary>
    /// Stops the edge, reads its last sequence number L, restarts it (so it can deliver what is still
    /// unacknowledged) and waits until every number 1..L is in InfluxDB. Returns (L, rows, distinct).
    /// </summary>
    public async Task<(long Last, long Rows, long Distinct)> DrainAndCountAsync(string room, TimeSpan timeout, bool viaRelay = false)
    {
        var last = await StopEdgeAndReadLastSeqAsync(room);
        StartEdge(room, viaRelay);
        long distinct;
        try
        {
            distinct = await Eventually.WaitAsync(() => DistinctAsync(room, last), n => n >= last, timeout, $"all {last} points of {room} in InfluxDB");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; {Diagnostics()}", ex);
        }

        var rows = await CountAsync(room, last);
        return (last, rows, distinct);
    }

    /// <summary>Waits until the edge has produced at least <paramref name="points"/> points into InfluxDB.</summary>
    public async Task WaitForRowsAsync(string room, long points, TimeSpan timeout)
    {
        try
        {
            await Eventually.WaitAsync(() => CountAsync(room, long.MaxValue / 2), n => n >= points, timeout, $"{points} rows of {room}");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; {Diagnostics()}", ex);
        }
    }

    /// <summary>The tail of each process's log file (the services log to files; stderr carries only failures).</summary>
    public string Diagnostics()
    {
        var logs = Directory.Exists(_root.Combine("logs"))
            ? Directory.EnumerateFiles(_root.Combine("logs"), "*.log", SearchOption.AllDirectories)
                .Select(f => $"{Path.GetFileName(Path.GetDirectoryName(f))}: {string.Join(" | ", File.ReadLines(f).TakeLast(8))}")
            : [];
        var stderr = _collectors.Select(c => $"{c.Value.Name}: {c.Value.StderrTail(10)}");
        return $"collector stderr: {string.Join(" | ", stderr)}; logs: {string.Join(" || ", logs)}";
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var edge in _edges.Values)
        {
            await edge.DisposeAsync();
        }

        foreach (var collector in _collectors.Values)
        {
            await collector.DisposeAsync();
        }

        foreach (var relay in _relays.Values)
        {
            await relay.DisposeAsync();
        }

        Query?.Dispose();
        if (Influx is not null)
        {
            await Influx.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        _root.Dispose();
    }
}
