using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Collecting;

/// <summary>The collector loop with an in-memory MQTT session, a stand-in InfluxDB on 127.0.0.1 and a fake clock.</summary>
public sealed class CollectorTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("ingest");
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(Payloads.Ts));
    private FakeInflux _influx = null!;
    private FakeMqttClient _mqtt = null!;
    private Collector _collector = null!;

    private readonly string _topic = Topic.Metrics("s1", "r1", "stream");

    public async Task InitializeAsync()
    {
        _influx = await FakeInflux.StartAsync();
        var options = new IngestOptions
        {
            StateDirectory = _dir.Path,

            // One worker: which points share a write batch is then deterministic.
            Workers = 1,
            Influx = new InfluxOptions { Url = _influx.BaseUri.ToString(), BatchSize = 100, MaxRetryAttempts = 0 },
        };
        _collector = new Collector(options, o => _mqtt = new FakeMqttClient(o), _http, timeProvider: _time);
        await _collector.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _influx.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void StartAsync_SubscribesToAllRoomsWithPersistentSession()
    {
        Assert.Equal(Topic.AllRooms, Assert.Single(_mqtt.Subscriptions));
        Assert.False(_mqtt.Options.CleanStart);
        Assert.Equal("liveroom-ingest", _mqtt.Options.ClientId);
    }

    [Fact]
    public async Task Deliver_BadPayloads_AreCountedPerReasonAndDeadLettered()
    {
        await _mqtt.DeliverAsync(_topic, "{not json");
        await _mqtt.DeliverAsync(_topic, Payloads.Valid(room: "r2"));
        await _mqtt.DeliverAsync(_topic, Payloads.Valid().Replace("25.5", "1e400", StringComparison.Ordinal));
        await _mqtt.DeliverAsync("liveroom/v1/s1/bad room/metrics/stream", Payloads.Valid());

        // Workers parse in parallel, so the dead letters may come in any order.
        await Eventually.WaitAsync(() => Acks.DeadLetters(_mqtt.Published).Count() == 4, Wait, "4 dead letters");
        var stats = _collector.Stats;
        Assert.Equal(1, stats.Rejected["bad-json"]);
        Assert.Equal(1, stats.Rejected["room-mismatch"]);
        Assert.Equal(1, stats.Rejected["non-finite"]);
        Assert.Equal(1, stats.Rejected["bad-topic"]);
        var letters = Acks.DeadLetters(_mqtt.Published).ToList();
        Assert.Equal(["bad-json", "bad-topic", "non-finite", "room-mismatch"], letters.Select(l => l.Reason).Order(StringComparer.Ordinal));
        var badJson = Assert.Single(letters, l => l.Reason == "bad-json");
        Assert.Equal("{not json", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(badJson.PayloadBase64)));
        Assert.Equal(_topic, badJson.Topic);
        Assert.Contains(_mqtt.Published, m => m.Topic == Topic.DeadLetter("room-mismatch"));
    }

    [Fact]
    public async Task Deliver_FieldNamedSeq_IsRejectedAsReserved()
    {
        await _mqtt.DeliverAsync(_topic, Payloads.Valid().Replace("\"fps\"", "\"seq\"", StringComparison.Ordinal));

        await Eventually.WaitAsync(() => _collector.Stats.RejectedTotal == 1, Wait, "1 rejection");
        Assert.Equal(1, _collector.Stats.Rejected["bad-identifier"]);
    }

    [Fact]
    public async Task Deliver_StatusAndAck_AreIgnored()
    {
        await _mqtt.DeliverAsync(Topic.Status("s1", "r1"), "{\"status\":\"online\"}");
        await _mqtt.DeliverAsync(Topic.Ack("s1", "r1"), "{}");

        await Eventually.WaitAsync(() => _collector.Stats.MessagesIgnored == 2, Wait, "2 ignored messages");
        Assert.Equal(0, _collector.Stats.RejectedTotal);
    }

    [Fact]
    public async Task Deliver_FullBatch_IsWrittenWithoutWaitingAndAcknowledged()
    {
        await _collector.DatabaseReady.WaitAsync(Wait);

        // BatchSize is 100: 50 messages of 2 points fill one write.
        for (var i = 0; i < 50; i++)
        {
            await _mqtt.DeliverAsync(_topic, Payloads.Valid(firstSeq: 1 + (i * 2)));
        }

        // No time passes on the fake clock: the size bound alone triggers the write.
        await Eventually.WaitAsync(() => _collector.Stats.PointsStored == 100, Wait, "100 points stored");
        await Eventually.WaitAsync(
            () =>
            {
                // Acknowledgements are coalesced to one per AckInterval per room.
                _time.Advance(TimeSpan.FromMilliseconds(250));
                return Acks.Latest(_mqtt.Published, "s1", "r1", "e1") == 100;
            },
            Wait,
            "ack 100");
        var write = Assert.Single(_influx.Bodies);
        Assert.Equal(100, write.Count(c => c == '\n'));
        var ack = _mqtt.Published.Last(m => m.Topic == Topic.Ack("s1", "r1"));
        Assert.True(ack.Retain);
        Assert.Equal(LiveRoom.Mqtt.MqttQos.AtLeastOnce, ack.Qos);
    }

    [Fact]
    public async Task Deliver_PartialBatch_IsWrittenWhenTheFlushIntervalPasses()
    {
        await _collector.DatabaseReady.WaitAsync(Wait);
        await _mqtt.DeliverAsync(_topic, Payloads.Valid(count: 3));
        Assert.Empty(_influx.Bodies);

        await Eventually.WaitAsync(
            () =>
            {
                _time.Advance(TimeSpan.FromMilliseconds(250));
                return Acks.Latest(_mqtt.Published, "s1", "r1", "e1") == 3;
            },
            Wait,
            "ack 3 after the flush interval");

        Assert.Equal(3, _collector.Stats.PointsStored);
    }

    [Fact]
    public async Task Deliver_EndOfBurst_TailIsWrittenAfterIdleFlushNotFlushInterval()
    {
        await _collector.DatabaseReady.WaitAsync(Wait);
        var start = _time.GetUtcNow();
        await _mqtt.DeliverAsync(_topic, Payloads.Valid(count: 3));

        await Eventually.WaitAsync(
            () =>
            {
                if (_influx.Bodies.IsEmpty)
                {
                    _time.Advance(TimeSpan.FromMilliseconds(5));
                }

                return !_influx.Bodies.IsEmpty;
            },
            Wait,
            "the tail written");

        Assert.InRange(_time.GetUtcNow() - start, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Deliver_FloorAboveGap_AcknowledgesPastTheDroppedPoints()
    {
        await _collector.DatabaseReady.WaitAsync(Wait);

        // Points 1..2 stored; the edge dropped 3..9 and now reports floor 10.
        await _mqtt.DeliverAsync(_topic, Payloads.Valid(firstSeq: 1, count: 2));
        await _mqtt.DeliverAsync(_topic, Payloads.Valid(floor: 10, firstSeq: 10, count: 2));

        await Eventually.WaitAsync(
            () =>
            {
                _time.Advance(TimeSpan.FromMilliseconds(250));
                return Acks.Latest(_mqtt.Published, "s1", "r1", "e1") == 11;
            },
            Wait,
            "ack 11");
    }
}
