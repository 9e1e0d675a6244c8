using System.Diagnostics;
using System.Globalization;
using LiveRoom.Ingest.Bench;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Services;

// make bench-ingest (issue 3): collector points/s ÷ raw InfluxDB points/s — the same points, encoded to the same
// lines, the same batch size and parallelism. Both sides are measured warm (after two warm-up passes, once the JIT
// has finished recompiling and after a full garbage collection, as in a long-running collector). The machine is shared and noisy, so the comparison is
// made in several rounds (each: raw, collector, raw again, with fresh points) and the median ratio is the result.
// Positional: points, rounds. The issue's shape is the default; two variants measure the options decision 0014 puts to
// the product owner and say so on every line (never what `make bench-ingest` runs):
//   --live-seconds N  each live message carries N seconds of an edge's points (default 1: one message per edge-second)
//   --live-qos0       live messages are published at QoS 0 (replay batches stay QoS 1)
var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, a)).ToArray();
var points = positional.Length > 0 ? long.Parse(positional[0], CultureInfo.InvariantCulture) : 240_000;
var rounds = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 3;
var liveSeconds = OptionValue(args, "--live-seconds") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1;
var liveQos = args.Contains("--live-qos0") ? MqttQos.AtMostOnce : MqttQos.AtLeastOnce;
var variant = liveSeconds == 1 && liveQos == MqttQos.AtLeastOnce
    ? null
    : string.Create(CultureInfo.InvariantCulture, $"VARIANT, not the issue's shape: live messages of {liveSeconds} s per edge at QoS {(int)liveQos}");
const int Edges = 12;
const int ReplayBatch = 200;
var root = Path.Combine(Path.GetTempPath(), $"liveroom-bench-ingest-{Guid.NewGuid():N}");
Directory.CreateDirectory(root);
var ingest = new IngestOptions();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench-ingest: {points} points from {Edges} edges (half in replay batches of {ReplayBatch}, half live: one message per {(liveSeconds == 1 ? "edge-second" : string.Create(CultureInfo.InvariantCulture, $"{liveSeconds} edge-seconds"))}), batch size {ingest.Influx.BatchSize}, {ingest.Influx.MaxConcurrentWrites} writes in flight, {rounds} rounds"));

await using var influx = await InfluxServer.StartAsync(new InfluxServerOptions { DataDirectory = Path.Combine(root, "influx") }, CancellationToken.None);
await using var broker = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = Path.Combine(root, "mqtt"), Persistence = false }, CancellationToken.None);
using var http = new HttpClient { BaseAddress = influx.BaseUri, Timeout = TimeSpan.FromMinutes(2) };
var start = DateTimeOffset.UtcNow.AddDays(-2).ToUnixTimeMilliseconds();
await QueryAsync(http, "CREATE DATABASE bench_warm");

ingest.Mqtt.Host = broker.Host;
ingest.Mqtt.Port = broker.Port;
ingest.Influx.Url = influx.BaseUri.ToString().TrimEnd('/');
ingest.Influx.Database = "bench_collector";
ingest.StateDirectory = Path.Combine(root, "ingest");
// As shipped: the alert evaluator sees every batch (the acknowledgement page's HTTP listener is off here).
ingest.Alerts.HttpUrl = string.Empty;
await using var alerts = new LiveRoom.Ingest.Alerts.AlertService(ingest.Alerts, ingest.StateDirectory, new HttpClient());
await alerts.StartAsync(CancellationToken.None);
await using var collector = new Collector(ingest, o => new MosquittoClient(o), new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, observer: alerts.Evaluator);
await collector.StartAsync(CancellationToken.None);
await collector.DatabaseReady;
var clients = new List<MosquittoClient>();
for (var i = 0; i < Edges; i++)
{
    var client = new MosquittoClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = $"bench-edge-{i + 1}", MaxInflight = 200 });
    await client.ConnectAsync(CancellationToken.None);
    clients.Add(client);
}

// Warm-up: JIT and connection pools on both paths, in two passes of half as many points each with the JIT settled in
// between: tiered compilation only starts counting calls once new methods stop appearing, so after a single pass the
// collector's hot methods were still recompiled inside round 1 (0.4 core-s). A collector runs for months.
if (variant is not null)
{
    Console.WriteLine(variant);
}

long stored = 0;
for (var pass = 1; pass <= 2; pass++)
{
    var warm = Dataset.Build($"warmup-{pass}", Edges, points / 2, ReplayBatch, start, liveSeconds);
    await RawWriter.WriteAsync(http, "bench_warm", RawWriter.Encode(warm, ingest.Influx.BatchSize), ingest.Influx.MaxConcurrentWrites);
    var (warmTime, _) = await RunCollectorAsync(warm.WithoutPoints(), stored);
    stored += warm.TotalPoints;
    var settled = await SettleJitAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up {pass}: {warm.TotalPoints} points through the collector in {warmTime.TotalSeconds:0.000} s; JIT settled after {settled.TotalSeconds:0.0} s more"));
}

var ratios = new List<double>();
var lost = false;
for (var round = 1; round <= rounds; round++)
{
    // Fresh points every round (a new site), so InfluxDB inserts rather than overwrites on both sides.
    // Points become raw bodies and messages (byte arrays) before timing, so the bench's own data does not make the
    // garbage collector's full collections in this process expensive: a gen2 collection marking ~400 MiB of point
    // objects paused it for 0.5-0.7 s inside timed collector runs, which a collector's own small heap never costs.
    var data = Dataset.Build($"bench-{round}", Edges, points, ReplayBatch, start, liveSeconds);
    var bodies = RawWriter.Encode(data, ingest.Influx.BatchSize);
    data = data.WithoutPoints();
    var messages = data.Edges.Sum(e => e.Messages.Count);
    var raw1Db = $"bench_raw{round}a";
    var raw2Db = $"bench_raw{round}b";
    await QueryAsync(http, $"CREATE DATABASE {raw1Db}");
    await QueryAsync(http, $"CREATE DATABASE {raw2Db}");

    // Baseline before and after the collector run, averaged, so InfluxDB's growth favours neither side. Before each
    // timed run influxd finishes the background work (cache snapshots, compactions) of the previous one.
    // ... and this process's JIT has finished recompiling what the previous step ran (tiered compilation runs on its own
    // thread after a method got hot: it took up to 0.5 core-s inside a timed run when it was only awaited after warm-up).
    var background = await SettleAsync(influx.ProcessId);
    await SettleJitAsync();
    Quiesce();
    var influxCpu0 = CpuMeter.Seconds(influx.ProcessId);
    var raw1 = await RawWriter.WriteAsync(http, raw1Db, bodies, ingest.Influx.MaxConcurrentWrites);
    var influxCpuRaw = CpuMeter.Seconds(influx.ProcessId) - influxCpu0;
    background += await SettleAsync(influx.ProcessId);
    await SettleJitAsync();
    Quiesce();
    var cpu0 = (Influx: CpuMeter.Seconds(influx.ProcessId), Broker: CpuMeter.Seconds(broker.ProcessId), Self: CpuMeter.Self());
    var threads0 = CpuMeter.Threads();
    var gc0 = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration(), Heap: GC.GetTotalMemory(false));
    var (collectorTime, timedOut) = await RunCollectorAsync(data, stored);
    var gc1 = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration(), Heap: GC.GetTotalMemory(false));
    var cpu1 = (Influx: CpuMeter.Seconds(influx.ProcessId), Broker: CpuMeter.Seconds(broker.ProcessId), Self: CpuMeter.Self());
    var threads1 = CpuMeter.Threads();
    stored += data.TotalPoints;
    var stats = collector.Stats;
    background += await SettleAsync(influx.ProcessId);
    await SettleJitAsync();
    Quiesce();
    var raw2 = await RawWriter.WriteAsync(http, raw2Db, bodies, ingest.Influx.MaxConcurrentWrites);

    var found = await CountAsync(http, "bench_collector", data.Site);
    var foundRaw = await CountAsync(http, raw2Db, data.Site);
    lost |= found != data.TotalPoints || foundRaw != data.TotalPoints;
    var rawSeconds = (raw1.TotalSeconds + raw2.TotalSeconds) / 2;
    var rawRate = data.TotalPoints / rawSeconds;
    var collectorRate = data.TotalPoints / collectorTime.TotalSeconds;
    ratios.Add(collectorRate / rawRate);
    var influxCpu = cpu1.Influx - cpu0.Influx;
    var brokerCpu = cpu1.Broker - cpu0.Broker;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {messages} messages published"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  raw line protocol: {raw1.TotalSeconds:0.000} s and {raw2.TotalSeconds:0.000} s -> {rawRate:0} points/s (found {foundRaw})"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  collector (edges -> MQTT -> collector -> InfluxDB): {collectorTime.TotalSeconds:0.000} s -> {collectorRate:0} points/s{(timedOut ? " (TIMED OUT)" : string.Empty)}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  collector stats: {stats}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  influxd's background work between the timed runs (not in either): {background:0.00} cpu seconds"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cpu seconds: influxd in the raw run {influxCpuRaw:0.00}; in the collector run: influxd {influxCpu:0.00}, mosquitto {brokerCpu:0.00}, this process (collector + simulated edges) {cpu1.Self - cpu0.Self:0.00}"));
    // Thread names are cut to 15 characters: "mosquitto bench" are the simulated edges' native loops, "mosquitto liver" the collector's.
    Console.WriteLine($"  cpu seconds of this process's threads in the collector run: {CpuMeter.ByName(threads0, threads1)}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  garbage collections in this process during the collector run: gen0 {gc1.Gen0 - gc0.Gen0}, gen1 {gc1.Gen1 - gc0.Gen1}, gen2 {gc1.Gen2 - gc0.Gen2}, paused {(gc1.Pause - gc0.Pause).TotalSeconds:0.000} s; heap {gc0.Heap / 1048576.0:0} MiB before"));
    // A bound that load from other processes does not blur: the raw run keeps every core busy with influxd (its
    // time is about influxd's CPU over the cores), while the collector run needs at least influxd's and mosquitto's
    // CPU over the same cores, whatever the collector itself costs.
    var bound = influxCpuRaw / (influxCpu + brokerCpu);
    var cpuRatio = influxCpuRaw / (influxCpu + brokerCpu + (cpu1.Self - cpu0.Self));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  by CPU time: raw influxd / (influxd + mosquitto) = {bound:0.000} (the ratio's ceiling with a free collector and free edges); raw influxd / all three = {cpuRatio:0.000}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  points in InfluxDB via collector: {found} of {data.TotalPoints}; missing: {data.TotalPoints - found}; ingest_ratio {ratios[^1]:0.000}"));
}

foreach (var client in clients)
{
    await client.DisposeAsync();
}

await collector.StopAsync(CancellationToken.None);
try
{
    Directory.Delete(root, recursive: true);
}
catch (IOException)
{
}

ratios.Sort();
var median = ratios[ratios.Count / 2];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest_ratio by round (sorted): {string.Join(", ", ratios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))}; median {median:0.000}"));
if (variant is not null)
{
    Console.WriteLine(variant);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest_ratio {median:0.000}"));
return lost ? 1 : 0;

// Waits until a process (influxd) is idle — under 0.05 CPU seconds in half a second, at most 20 s — and returns the CPU it spent meanwhile.
static async Task<double> SettleAsync(int pid)
{
    var first = CpuMeter.Seconds(pid);
    var clock = Stopwatch.StartNew();
    var last = first;
    while (clock.Elapsed < TimeSpan.FromSeconds(20))
    {
        await Task.Delay(500);
        var now = CpuMeter.Seconds(pid);
        if (now - last < 0.05)
        {
            break;
        }

        last = now;
    }

    return CpuMeter.Seconds(pid) - first;
}

// A full, compacting collection before a timed run (either side), so no run pays for garbage an earlier step left.
static void Quiesce()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
}

// Waits until the JIT has compiled nothing new for a second (at most 30 s) and returns how long that took.
static async Task<TimeSpan> SettleJitAsync()
{
    var clock = Stopwatch.StartNew();
    var last = System.Runtime.JitInfo.GetCompiledMethodCount();
    var quiet = 0;
    while (quiet < 4 && clock.Elapsed < TimeSpan.FromSeconds(30))
    {
        await Task.Delay(250);
        var now = System.Runtime.JitInfo.GetCompiledMethodCount();
        quiet = now == last ? quiet + 1 : 0;
        last = now;
    }

    return clock.Elapsed;
}

// Publishes every message of every edge and returns when the collector has stored them all.
async Task<(TimeSpan Elapsed, bool TimedOut)> RunCollectorAsync(Dataset set, long storedBefore)
{
    var clock = Stopwatch.StartNew();
    var publishing = set.Edges.Select((edge, i) => PublishAllAsync(clients[i], edge, liveQos)).ToArray();
    var target = storedBefore + set.TotalPoints;
    while (collector.Stats.PointsStored < target)
    {
        if (clock.Elapsed > TimeSpan.FromMinutes(5))
        {
            return (clock.Elapsed, true);
        }

        await Task.Delay(5);
    }

    var elapsed = clock.Elapsed;
    await Task.WhenAll(publishing);
    return (elapsed, false);
}

static async Task PublishAllAsync(MosquittoClient client, EdgeData edge, MqttQos liveQos)
{
    // A bounded window of QoS 1 publishes in flight, as the edge's publisher keeps.
    var window = new Queue<Task>();
    for (var i = 0; i < edge.Messages.Count; i++)
    {
        var (topic, payload) = edge.Messages[i];
        if (window.Count >= 200)
        {
            await window.Dequeue();
        }

        window.Enqueue(client.PublishAsync(topic, payload, i < edge.ReplayMessages ? MqttQos.AtLeastOnce : liveQos, retain: false, CancellationToken.None));
    }

    await Task.WhenAll(window);
}

static string? OptionValue(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static bool IsOptionValue(string[] args, string arg)
{
    var i = Array.IndexOf(args, arg);
    return i > 0 && args[i - 1] == "--live-seconds";
}

static async Task QueryAsync(HttpClient http, string q)
{
    using var response = await http.PostAsync(new Uri("query?q=" + Uri.EscapeDataString(q), UriKind.Relative), null);
    response.EnsureSuccessStatusCode();
}

static async Task<long> CountAsync(HttpClient http, string db, string site)
{
    var q = $"SELECT count(seq) FROM /.*/ WHERE site='{site}' GROUP BY room";
    var body = await http.GetStringAsync(new Uri($"query?db={db}&q=" + Uri.EscapeDataString(q), UriKind.Relative));
    using var doc = System.Text.Json.JsonDocument.Parse(body);
    long total = 0;
    foreach (var result in doc.RootElement.GetProperty("results").EnumerateArray())
    {
        if (result.TryGetProperty("series", out var series))
        {
            foreach (var s in series.EnumerateArray())
            {
                total += s.GetProperty("values")[0][1].GetInt64();
            }
        }
    }

    return total;
}
