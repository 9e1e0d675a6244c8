using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Processes;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd.Faults;

/// <summary>Issue 3 fault test: the same 10,000 messages replayed twice leave the row count unchanged.</summary>
public sealed class ReplayTwiceTests
{
    private const int Messages = 10_000;

    [Fact]
    public async Task SameMessagesReplayedTwice_RowCountUnchanged()
    {
        using var dir = new TempDirectory("replay");
        await using var broker = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = dir.Combine("mqtt") }, CancellationToken.None);
        await using var influx = await InfluxServer.StartAsync(new InfluxServerOptions { DataDirectory = dir.Combine("influx") }, CancellationToken.None);
        var options = new IngestOptions { StateDirectory = dir.Combine("ingest") };
        options.Mqtt.Host = broker.Host;
        options.Mqtt.Port = broker.Port;
        options.Influx.Url = influx.BaseUri.ToString().TrimEnd('/');
        options.Alerts.HttpUrl = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
        await using var collector = new Collector(options, o => new MosquittoClient(o), new HttpClient());
        await collector.StartAsync(CancellationToken.None);
        await collector.DatabaseReady;
        await using var edge = new MosquittoClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "edge-replay-room-1" });
        await edge.ConnectAsync(CancellationToken.None);

        // One message per second of measurements: a stream point and an audio point, seq 1..20,000.
        var start = DateTimeOffset.UtcNow.AddHours(-6).ToUnixTimeMilliseconds();
        var payloads = Enumerable.Range(0, Messages).Select(i => Payload(start, i)).ToList();
        var topic = Topic.Metrics("replay", "room-1", Topic.MixedKinds);

        await PublishAllAsync(edge, topic, payloads);
        await Eventually.WaitAsync(() => collector.Stats.PointsStored >= 2 * Messages, TimeSpan.FromMinutes(2), "first pass stored");
        using var query = new InfluxQuery(influx.BaseUri, options.Influx.Database);
        var rowsAfterFirst = await query.SumAsync("SELECT count(seq) AS n FROM /.*/ WHERE room='room-1'", "n");

        await PublishAllAsync(edge, topic, payloads);
        await Eventually.WaitAsync(() => collector.Stats.PointsStored >= 4 * Messages, TimeSpan.FromMinutes(2), "second pass stored");
        var rowsAfterSecond = await query.SumAsync("SELECT count(seq) AS n FROM /.*/ WHERE room='room-1'", "n");
        var distinct = await query.SumAsync("SELECT count(distinct(seq)) AS n FROM /.*/ WHERE room='room-1'", "n");

        Assert.Equal(2 * Messages, rowsAfterFirst);
        Assert.Equal(rowsAfterFirst, rowsAfterSecond);
        Assert.Equal(2 * Messages, distinct);
        Assert.Equal(0, collector.Stats.RejectedTotal);
    }

    private static byte[] Payload(long startMs, int i)
    {
        var ts = startMs + (i * 1000L);
        var batch = new MetricBatch
        {
            V = SchemaVersion.Current,
            Site = "replay",
            Room = "room-1",
            Edge = "edge-a",
            Floor = 1,
            Points =
            [
                new MetricPoint { Seq = (2L * i) + 1, Ts = ts, Kind = MetricKind.Stream, Fields = new Dictionary<string, FieldValue> { ["fps"] = 30.0, ["height"] = 1080, ["up"] = true } },
                new MetricPoint { Seq = (2L * i) + 2, Ts = ts, Kind = MetricKind.Audio, Fields = new Dictionary<string, FieldValue> { ["short_term_lufs"] = -23.0 } },
            ],
        };
        return JsonSerializer.SerializeToUtf8Bytes(batch, ContractsJsonContext.Default.MetricBatch);
    }

    private static async Task PublishAllAsync(IMqttClient client, string topic, IReadOnlyList<byte[]> payloads)
    {
        var window = new Queue<Task>();
        foreach (var payload in payloads)
        {
            if (window.Count >= 100)
            {
                await window.Dequeue();
            }

            window.Enqueue(client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain: false, CancellationToken.None));
        }

        await Task.WhenAll(window);
    }
}
