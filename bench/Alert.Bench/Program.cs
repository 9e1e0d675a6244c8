using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Alert.Bench;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Processes;
using LiveRoom.Runtime.Services;

// make bench-alert (issue 7): time from a fault at the encoder to the webhook's arrival, through the real edge
// (liveroom-probe reading SRT from ffmpeg), real Mosquitto, the collector with its alert engine, and a local webhook
// receiver. Rules stream_down and fps_low with `for` = 0; everything else at its defaults (group wait 1 s).
// Arguments: [--probe PATH] [TRIALS]: the probe executable (make bench-alert passes the native one that ships,
// decision 0018; default the apphost built next to the probe's dll) and the trials per fault (default 20).
string? probeArgument = null;
if (args is ["--probe", var given, .. var rest])
{
    probeArgument = Path.GetFullPath(given);
    args = rest;
    if (!File.Exists(probeArgument))
    {
        await Console.Error.WriteLineAsync($"--probe {probeArgument}: no such file (make probe-native publishes it)");
        return 2;
    }
}

var trials = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20;
const string Site = "bench";
const string Room = "room1";
var root = Path.Combine(Path.GetTempPath(), $"liveroom-bench-alert-{Guid.NewGuid():N}");
Directory.CreateDirectory(root);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench-alert: {trials} trials each of 'fps drops to 15' and 'stream cut on a live room'; 320x180 encoder over SRT -> liveroom-probe -> Mosquitto -> collector -> webhook"));

var (ns, allocated) = EvaluatorCost.Measure();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rule evaluation on the collector's hot path (shipped rules, healthy points, one core): {ns:0.0} ns and {allocated:0.0} bytes allocated per point"));
if (args.Contains("--evaluation-only"))
{
    return 0;
}

await using var influx = await InfluxServer.StartAsync(new InfluxServerOptions { DataDirectory = Path.Combine(root, "influx") }, CancellationToken.None);
await using var broker = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = Path.Combine(root, "mqtt"), Persistence = false }, CancellationToken.None);
await using var receiver = await WebhookReceiver.StartAsync();
using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

var ingest = new IngestOptions { StateDirectory = Path.Combine(root, "ingest") };
ingest.Mqtt.Host = broker.Host;
ingest.Mqtt.Port = broker.Port;
ingest.Influx.Url = influx.BaseUri.ToString().TrimEnd('/');
ingest.Alerts.HttpUrl = "";
ingest.Alerts.Channels.Add(new ChannelOptions { Type = "webhook", Name = "bench", Url = receiver.Url.ToString(), MaxPerMinute = 10_000 });
await using var alerts = new AlertService(ingest.Alerts, ingest.StateDirectory, http);
foreach (var rule in alerts.Store.LoadRules())
{
    alerts.Store.SaveRule(rule.Id is "stream_down" or "fps_low" ? rule with { For = TimeSpan.Zero } : rule with { Enabled = false });
}

alerts.Evaluator.SetRules(alerts.Store.LoadRules());
await using var collector = new Collector(ingest, o => new MosquittoClient(o), http, observer: alerts.Evaluator);
await alerts.StartAsync(CancellationToken.None);
await collector.StartAsync(CancellationToken.None);

// "A stream cut on a live room": the room is live during a show. The edge owns the room state (issue 6), so the room
// gets its schedule — a show from a minute ago for three hours — as the dashboard would send it, retained. (The bench's
// 320x180 picture is below 1080p, so "on air" reads fault, which is live to the alert rules.)
await using (var scheduler = new MosquittoClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "bench-scheduler" }))
{
    await scheduler.ConnectAsync(CancellationToken.None);
    var now = DateTimeOffset.UtcNow;
    var schedule = new ScheduleMessage
    {
        V = SchemaVersion.Current, Site = Site, Room = Room, Ts = now.ToUnixTimeMilliseconds(), TimeZone = "Asia/Shanghai",
        Shows = [new ScheduledShow { Id = "bench-show", Title = "Bench show", Start = now.AddMinutes(-1).ToUnixTimeMilliseconds(), End = now.AddHours(3).ToUnixTimeMilliseconds() }],
    };
    await scheduler.PublishAsync(Topic.Command(Site, Room, CommandName.Schedule), JsonSerializer.SerializeToUtf8Bytes(schedule, ContractsJsonContext.Default.ScheduleMessage), MqttQos.AtLeastOnce, retain: true, CancellationToken.None);
    await scheduler.DisconnectAsync(CancellationToken.None);
}

var srtPort = FreePort.Next();
var encoder = FrameEncoder.Start(srtPort, 30);
// bench/Alert.Bench/bin/{config}/net10.0/ -> src/Probe/bin/{config}/net10.0/liveroom-probe
var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
var probePath = probeArgument ?? Path.Combine(output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName, "src", "Probe", "bin", output.Parent.Name, output.Name, "liveroom-probe");
Console.WriteLine($"probe {probePath}");
await using var probe = ChildProcess.Start(new ChildProcessStartInfo
{
    Name = "liveroom-probe",
    FileName = probePath,
    Arguments =
    [
        $"--Probe:Site={Site}", $"--Probe:Room={Room}",
        string.Create(CultureInfo.InvariantCulture, $"--Probe:SourceUrl=srt://127.0.0.1:{srtPort}?mode=caller&latency=200000"),
        $"--Probe:Mqtt:Host={broker.Host}", string.Create(CultureInfo.InvariantCulture, $"--Probe:Mqtt:Port={broker.Port}"),
        $"--Probe:Outbox:Directory={Path.Combine(root, "outbox")}", $"--Logging:Directory={Path.Combine(root, "logs")}", "--Probe:Display:Url=", $"--Probe:Lifecycle:Directory={Path.Combine(root, "lifecycle")}",
        $"--Probe:ReferenceDirectory={Path.Combine(root, "reference")}",
    ],
});

try
{
    await WaitAsync(() => alerts.Evaluator.Stream(Site, Room).Up || probe.HasExited, TimeSpan.FromSeconds(60), "the edge reports the stream up");
}
catch (TimeoutException)
{
    Console.WriteLine("encoder: " + string.Join(" | ", FrameEncoder.Errors));
    throw;
}
if (probe.HasExited)
{
    throw new InvalidOperationException($"liveroom-probe exited with {probe.ExitCode}: {probe.StderrTail()}");
}

if (!alerts.Evaluator.Stream(Site, Room).Up)
{
    Console.WriteLine("encoder: " + string.Join(" | ", FrameEncoder.Errors));
}

await WaitAsync(() => !Open("fps_low"), TimeSpan.FromSeconds(60), "fps settles at 30");
await WaitAsync(() => alerts.Evaluator.States.TryGet(Site, Room, out var state) && state.State is RoomStates.Live or RoomStates.Fault, TimeSpan.FromSeconds(60), "the room on air with its show");
Console.WriteLine("edge up, stream live at 30 fps");

var fps = new List<Trial>();
for (var i = 0; i < trials; i++)
{
    await WaitAsync(() => !Open("fps_low") && !Open("stream_down"), TimeSpan.FromSeconds(60), "a clean start");
    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 2000))); // a random phase against the edge's 1 s tick
    var trial = await MeasureAsync("fps_low", () => encoder.Fps = 15);
    fps.Add(trial);
    encoder.Fps = 30;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fps trial {i + 1}: {trial}"));
}

var cut = new List<Trial>();
for (var i = 0; i < trials; i++)
{
    await WaitAsync(
        () => !Open("stream_down") && alerts.Evaluator.Stream(Site, Room).Up && alerts.Evaluator.States.TryGet(Site, Room, out var state) && state.State is RoomStates.Live or RoomStates.Fault,
        TimeSpan.FromSeconds(90),
        "stream up again and the room on air");
    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 2000)));
    var stopping = encoder;
    var trial = await MeasureAsync("stream_down", () => _ = stopping.DisposeAsync().AsTask());
    cut.Add(trial);
    encoder = FrameEncoder.Start(srtPort, 30);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cut trial {i + 1}: {trial}"));
}

await encoder.DisposeAsync();
await probe.StopAsync(TimeSpan.FromSeconds(5));
await collector.StopAsync(CancellationToken.None);
Report("fps drops to 15", fps);
Report("stream cut on a live room", cut);
var p95 = Math.Max(Percentile(fps.Select(t => t.Total), 0.95), Percentile(cut.Select(t => t.Total), 0.95));
try
{
    Directory.Delete(root, recursive: true);
}
catch (IOException)
{
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alert_latency_p95_s {p95:0.000}"));
return 0;

bool Open(string rule) => alerts.Engine.Open().Any(a => a.RuleId == rule && a.Room == Room);

async Task<Trial> MeasureAsync(string rule, Action fault)
{
    var before = receiver.Received.Count;
    var wall = DateTimeOffset.UtcNow;
    var t0 = Stopwatch.GetTimestamp();
    fault();
    (long Arrived, string Kind, string Rule, string Room) hit = default;
    await WaitAsync(() => receiver.Received.Skip(before).Any(r => r.Kind == "firing" && r.Rule == rule && r.Room == Room), TimeSpan.FromSeconds(60), $"{rule} at the webhook");
    hit = receiver.Received.Skip(before).First(r => r.Kind == "firing" && r.Rule == rule && r.Room == Room);
    var incident = alerts.Incidents.Query(new IncidentFilter(Site, Room, From: wall.AddSeconds(-1))).Last(i => i.Alert.RuleId == rule).Alert;
    return new Trial(
        Stopwatch.GetElapsedTime(t0, hit.Arrived).TotalSeconds,
        (incident.Since - wall).TotalSeconds,
        ((incident.FiredAt ?? incident.Since) - incident.Since).TotalSeconds);
}

static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
{
    var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    while (!condition())
    {
        if (Stopwatch.GetTimestamp() > until)
        {
            throw new TimeoutException($"timed out after {timeout.TotalSeconds} s waiting for {what}");
        }

        await Task.Delay(20);
    }
}

static double Percentile(IEnumerable<double> values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

static void Report(string name, List<Trial> trials)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: n={trials.Count} p50 {Percentile(trials.Select(t => t.Total), 0.5):0.000} s, p95 {Percentile(trials.Select(t => t.Total), 0.95):0.000} s, max {trials.Max(t => t.Total):0.000} s"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  where the time goes (medians): edge detects (fault -> source timestamp of the first bad point) {Percentile(trials.Select(t => t.Edge), 0.5):0.000} s; edge outbox + MQTT + collector + engine (source timestamp -> fired) {Percentile(trials.Select(t => t.Transport), 0.5):0.000} s; group wait + webhook (fired -> arrival) {Percentile(trials.Select(t => t.Total - t.Edge - t.Transport), 0.5):0.000} s"));
}

internal readonly record struct Trial(double Total, double Edge, double Transport)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Total:0.000} s (edge {Edge:0.000} s, to fired {Transport:0.000} s, to webhook {Total - Edge - Transport:0.000} s)");
}
