using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Integration;

/// <summary>Real mosquitto, real influxd, the real libmosquitto binding: batches in, rows in InfluxDB, retained acks out.</summary>
public sealed class CollectorEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _state = new("ingest");
    private readonly HttpClient _http = new();
    private readonly ConcurrentQueue<MqttMessage> _seen = new();
    private MosquittoServer _broker = null!;
    private TempDirectory _brokerDir = null!;
    private InfluxServer _influx = null!;
    private TempDirectory _influxDir = null!;
    private Collector _collector = null!;
    private MosquittoClient _edge = null!;
    private MosquittoClient _watcher = null!;

    public async Task InitializeAsync()
    {
        (_broker, _brokerDir) = await Services.StartMosquittoAsync();
        (_influx, _influxDir) = await Services.StartInfluxAsync();
        var options = new IngestOptions
        {
            StateDirectory = _state.Path,
            Mqtt = new IngestMqttOptions { Host = _broker.Host, Port = _broker.Port },
            Influx = new InfluxOptions { Url = _influx.BaseUri.ToString(), Database = "e2e", FlushInterval = TimeSpan.FromMilliseconds(100) },
        };
        _collector = new Collector(options, o => new MosquittoClient(o), _http);
        await _collector.StartAsync(CancellationToken.None);
        await _collector.DatabaseReady.WaitAsync(Wait);

        _watcher = new MosquittoClient(ClientOptions("watcher", (m, _) =>
        {
            _seen.Enqueue(m);
            return ValueTask.CompletedTask;
        }));
        await _watcher.ConnectAsync(CancellationToken.None);
        await _watcher.SubscribeAsync("liveroom/v1/s1/+/ack", MqttQos.AtLeastOnce, CancellationToken.None);
        await _watcher.SubscribeAsync(Topic.DeadLetterRoot + "/#", MqttQos.AtLeastOnce, CancellationToken.None);
        _edge = new MosquittoClient(ClientOptions("edge", null));
        await _edge.ConnectAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _edge.DisposeAsync();
        await _watcher.DisposeAsync();
        await _collector.DisposeAsync();
        await _broker.DisposeAsync();
        await _influx.DisposeAsync();
        _brokerDir.Dispose();
        _influxDir.Dispose();
        _state.Dispose();
        _http.Dispose();
    }

    private MqttClientOptions ClientOptions(string id, Func<MqttMessage, CancellationToken, ValueTask>? onMessage) => new()
    {
        Host = _broker.Host,
        Port = _broker.Port,
        ClientId = id,
        OnMessage = onMessage,
    };

    private long LatestAck(string room) => Acks.Latest(_seen, "s1", room, "e-" + room);

    [Fact]
    public async Task PublishBatches_RowsReachInfluxAndRetainedAckAdvances()
    {
        const int Messages = 50;
        const int Points = 10;
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 600_000;
        foreach (var room in new[] { "r1", "r2" })
        {
            for (var i = 0; i < Messages; i++)
            {
                var json = Payloads.Valid(room: room, edge: "e-" + room, firstSeq: 1 + (i * Points), count: Points, ts: ts + (i * Points));
                await _edge.PublishAsync(Topic.Metrics("s1", room, "stream"), Encoding.UTF8.GetBytes(json), MqttQos.AtLeastOnce, false, CancellationToken.None);
            }
        }

        await _edge.PublishAsync(Topic.Metrics("s1", "r1", "stream"), "{oops"u8.ToArray(), MqttQos.AtLeastOnce, false, CancellationToken.None);

        await Eventually.WaitAsync(() => LatestAck("r1") == Messages * Points && LatestAck("r2") == Messages * Points, Wait, "acks of 500 for both rooms");
        using var query = new InfluxQuery(_influx.BaseUri, "e2e");
        Assert.Equal(2 * Messages * Points, await query.SumAsync("SELECT count(fps) FROM \"stream\"", "count"));
        await Eventually.WaitAsync(() => Acks.DeadLetters(_seen).Any(d => d.Reason == "bad-json"), Wait, "the bad-json dead letter");
        Assert.Equal(1, _collector.Stats.Rejected["bad-json"]);

        // The acknowledgement is retained: a client connecting now (an edge after a restart) gets it at once.
        var retained = new TaskCompletionSource<AckMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var late = new MosquittoClient(ClientOptions("late", (m, _) =>
        {
            retained.TrySetResult(JsonSerializer.Deserialize(m.Payload.Span, ContractsJsonContext.Default.AckMessage)!);
            return ValueTask.CompletedTask;
        }));
        await late.ConnectAsync(CancellationToken.None);
        await late.SubscribeAsync(Topic.Ack("s1", "r2"), MqttQos.AtLeastOnce, CancellationToken.None);
        var ack = await retained.Task.WaitAsync(Wait);
        Assert.Equal(new { Edge = "e-r2", Seq = 500L }, new { ack.Edge, ack.Seq });
    }
}
