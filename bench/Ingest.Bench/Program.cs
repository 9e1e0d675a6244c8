using System.Diagnostics;
using System.Globalization;
using LiveRoom.Ingest.Bench;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Services;

// make bench-ingest (issue 3): collector points/s ÷ raw InfluxDB points/s — the same points, encoded to the same
// lines, the same batch size and parallelism. Both sides are measured warm (after a warm-up round), as a
// long-running collector is.
var points = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 240_000;
const int Edges = 12;
const int ReplayBatch = 200;
var root = Path.Combine(Path.GetTempPath(), $"liveroom-bench-ingest-{Guid.NewGuid():N}");
Directory.CreateDirectory(root);
var ingest = new IngestOptions();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench-ingest: {points} points from {Edges} edges (half in replay batches of {ReplayBatch}, half live: one message per edge-second), batch size {ingest.Influx.BatchSize}, {ingest.Influx.MaxConcurrentWrites} writes in flight"));

await using var influx = await InfluxServer.StartAsync(new InfluxServerOptions { DataDirectory = Path.Combine(root, "influx") }, CancellationToken.None);
await using var broker = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = Path.Combine(root, "mqtt"), Persistence = false }, CancellationToken.None);
using var http = new HttpClient { BaseAddress = influx.BaseUri, Timeout = TimeSpan.FromMinutes(2) };
var start = DateTimeOffset.UtcNow.AddDays(-2).ToUnixTimeMilliseconds();
// Half as many points again first, so tiered compilation has settled: a collector runs for months.
var warm = Dataset.Build("warmup", Edges, points / 2, ReplayBatch, start);
var data = Dataset.Build("bench", Edges, points, ReplayBatch, start);
var messages = data.Edges.Sum(e => e.Messages.Count);
foreach (var db in new[] { "bench_warm", "bench_raw1", "bench_raw2" })
{
    await QueryAsync(http, $"CREATE DATABASE {db}");
}

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

// Warm-up: JIT and connection pools on both paths.
await RawWriter.WriteAsync(http, "bench_warm", warm, ingest.Influx.BatchSize, ingest.Influx.MaxConcurrentWrites);
var (warmTime, _) = await RunCollectorAsync(warm, 0);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warm.TotalPoints} points through the collector in {warmTime.TotalSeconds:0.000} s"));

// Baseline before and after the collector run, averaged, so InfluxDB's growth favours neither side.
var influxCpu0 = CpuMeter.Seconds(influx.ProcessId);
var raw1 = await RawWriter.WriteAsync(http, "bench_raw1", data, ingest.Influx.BatchSize, ingest.Influx.MaxConcurrentWrites);
var influxCpuRaw = CpuMeter.Seconds(influx.ProcessId) - influxCpu0;
var cpu0 = (Influx: CpuMeter.Seconds(influx.ProcessId), Broker: CpuMeter.Seconds(broker.ProcessId), Self: CpuMeter.Self());
var (collectorTime, timedOut) = await RunCollectorAsync(data, warm.TotalPoints);
var cpu1 = (Influx: CpuMeter.Seconds(influx.ProcessId), Broker: CpuMeter.Seconds(broker.ProcessId), Self: CpuMeter.Self());
var stats = collector.Stats;
var raw2 = await RawWriter.WriteAsync(http, "bench_raw2", data, ingest.Influx.BatchSize, ingest.Influx.MaxConcurrentWrites);

var found = await CountAsync(http, "bench_collector", data.Site);
var foundRaw = await CountAsync(http, "bench_raw2", data.Site);
foreach (var client in clients)
{
    await client.DisposeAsync();
}

await collector.StopAsync(CancellationToken.None);
var rawRate = data.TotalPoints / ((raw1.TotalSeconds + raw2.TotalSeconds) / 2);
var collectorRate = data.TotalPoints / collectorTime.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"messages published: {messages}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw line protocol: {raw1.TotalSeconds:0.000} s and {raw2.TotalSeconds:0.000} s -> {rawRate:0} points/s (found {foundRaw})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"collector (edges -> MQTT -> collector -> InfluxDB): {collectorTime.TotalSeconds:0.000} s -> {collectorRate:0} points/s{(timedOut ? " (TIMED OUT)" : string.Empty)}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"collector stats: {stats}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu seconds: influxd in the raw run {influxCpuRaw:0.00}; in the collector run: influxd {cpu1.Influx - cpu0.Influx:0.00}, mosquitto {cpu1.Broker - cpu0.Broker:0.00}, this process (collector + simulated edges) {cpu1.Self - cpu0.Self:0.00}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"points in InfluxDB via collector: {found} of {data.TotalPoints}; missing: {data.TotalPoints - found}"));
try
{
    Directory.Delete(root, recursive: true);
}
catch (IOException)
{
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest_ratio {collectorRate / rawRate:0.000}"));
return found == data.TotalPoints && foundRaw == data.TotalPoints ? 0 : 1;

// Publishes every message of every edge and returns when the collector has stored them all.
async Task<(TimeSpan Elapsed, bool TimedOut)> RunCollectorAsync(Dataset set, long storedBefore)
{
    var clock = Stopwatch.StartNew();
    var publishing = set.Edges.Select((edge, i) => PublishAllAsync(clients[i], edge)).ToArray();
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

static async Task PublishAllAsync(MosquittoClient client, EdgeData edge)
{
    // A bounded window of QoS 1 publishes in flight, as the edge's publisher keeps.
    var window = new Queue<Task>();
    foreach (var (topic, payload) in edge.Messages)
    {
        if (window.Count >= 200)
        {
            await window.Dequeue();
        }

        window.Enqueue(client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain: false, CancellationToken.None));
    }

    await Task.WhenAll(window);
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
