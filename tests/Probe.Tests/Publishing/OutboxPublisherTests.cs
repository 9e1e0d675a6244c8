using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Contracts.Validation;
using LiveRoom.Mqtt;
using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Publishing;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Publishing;

/// <summary>The publisher against a real Mosquitto and the libmosquitto client (short intervals, real clock).</summary>
public sealed class OutboxPublisherTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("publisher");
    private MosquittoServer _broker = null!;
    private TempDirectory _brokerDir = null!;
    private DiskOutbox _outbox = null!;
    private MosquittoClient _client = null!;
    private OutboxPublisher _publisher = null!;
    private MqttTap _tap = null!;
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        (_broker, _brokerDir) = await Services.StartMosquittoAsync();
        _tap = await MqttTap.StartAsync(_broker.Host, _broker.Port, "liveroom/v1/s1/r1/#");
        _outbox = DiskOutbox.Open(new OutboxOptions { Directory = _dir.Path }, TimeProvider.System);
    }

    private async Task StartPublisherAsync(TimeSpan resendAfter)
    {
        _client = new MosquittoClient(new MqttClientOptions
        {
            Host = _broker.Host,
            Port = _broker.Port,
            ClientId = "edge-s1-r1",
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
            OnMessage = (m, ct) => _publisher.HandleMessageAsync(m, ct),
        });
        _publisher = new OutboxPublisher(
            _outbox,
            _client,
            new PublisherOptions { Site = "s1", Room = "r1", Interval = TimeSpan.FromMilliseconds(100), ResendAfter = resendAfter },
            TimeProvider.System);
        await _client.ConnectAsync(CancellationToken.None);
        await _client.SubscribeAsync(_publisher.AckTopic, MqttQos.AtLeastOnce, CancellationToken.None);
        _run = _publisher.RunAsync(_stop.Token);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        _publisher?.Dispose();
        _outbox.Dispose();
        await _tap.DisposeAsync();
        await _broker.DisposeAsync();
        _brokerDir.Dispose();
        _dir.Dispose();
    }

    private void AppendPoints(int count, string kind = MetricKind.Stream, int padding = 0)
    {
        for (var i = 0; i < count; i++)
        {
            _outbox.Append(new MetricPoint
            {
                Seq = 0,
                Ts = 1_700_000_000_000 + _outbox.NextSeq,
                Kind = kind,
                Fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
                {
                    ["value"] = (double)_outbox.NextSeq,
                    ["pad"] = new string('p', padding),
                },
            });
        }
    }

    [Fact]
    public async Task Run_Backlog_PublishesEveryPointInWellFormedBatchesUnder64KiB()
    {
        AppendPoints(3000, padding: 200);
        AppendPoints(5, MetricKind.Event);
        await StartPublisherAsync(TimeSpan.FromMinutes(5));

        await Eventually.WaitAsync(() => _tap.SeqsReceived().Count == 3005, Wait, "all 3005 points");

        var batches = _tap.Batches();
        Assert.True(batches.Count > 1, "a 3000-point backlog needs several batches");
        Assert.All(batches, b =>
        {
            Assert.True(b.Bytes <= Limits.MaxPayloadBytes, $"{b.Bytes} bytes");
            Assert.Equal((1, "s1", "r1", _outbox.EdgeId), (b.Batch.V, b.Batch.Site, b.Batch.Room, b.Batch.Edge));
            Assert.True(b.Batch.Floor <= b.Batch.Points[0].Seq);
            Assert.Equal(Enumerable.Range((int)b.Batch.Points[0].Seq, b.Batch.Points.Count).Select(i => (long)i), b.Batch.Points.Select(p => p.Seq));
            Assert.All(b.Batch.Points, p => Assert.Equal(p.Seq, p.Fields["value"].Number));
            var kinds = b.Batch.Points.Select(p => p.Kind).Distinct().ToList();
            var expected = kinds.Count > 1 ? Topic.Metrics("s1", "r1", Topic.MixedKinds)
                : kinds[0] == MetricKind.Event ? Topic.Events("s1", "r1")
                : Topic.Metrics("s1", "r1", kinds[0]);
            Assert.Equal(expected, b.Topic);
        });
        Assert.All(_tap.Messages.Where(m => m.Topic != _publisher.AckTopic), m =>
        {
            // What the collector will check (src/Contracts validation) must accept every message.
            Assert.True(ParsedTopic.TryParse(m.Topic, out var parsed, out var why), why);
            Assert.True(PayloadValidator.TryParseBatch(parsed, m.Payload.Span, DateTimeOffset.UtcNow, out _, out var rejection), rejection?.ToString());
        });
    }

    [Fact]
    public async Task Ack_ForThisEdge_TrimsOutbox_ForOtherEdge_IsIgnored()
    {
        AppendPoints(100);
        await StartPublisherAsync(TimeSpan.FromMinutes(5));
        await Eventually.WaitAsync(() => _tap.SeqsReceived().Count == 100, Wait, "100 points");

        await _tap.AckAsync(_publisher.AckTopic, "someone-else", 90);
        await _tap.AckAsync(_publisher.AckTopic, _outbox.EdgeId, 60);
        await Eventually.WaitAsync(() => _outbox.Acked == 60, Wait, "ack 60 applied");
        await _tap.AckAsync(_publisher.AckTopic, "someone-else", 90);

        await Eventually.WaitAsync(() => _tap.Messages.Count(m => m.Topic == _publisher.AckTopic) >= 3, Wait, "acks seen by the tap");
        Assert.Equal(60, _outbox.Acked);
        Assert.Equal(61, _outbox.Floor);
    }

    [Fact]
    public async Task Run_NoAckForResendAfter_SendsAgainFromOldestUnacked_UntilAcked()
    {
        AppendPoints(10);
        await StartPublisherAsync(TimeSpan.FromMilliseconds(500));

        await Eventually.WaitAsync(() => _tap.Batches().Count(b => b.Batch.Points[0].Seq == 1) >= 2, Wait, "seq 1 sent a second time");
        await _tap.AckAsync(_publisher.AckTopic, _outbox.EdgeId, 4);
        await Eventually.WaitAsync(() => _outbox.Acked == 4, Wait, "ack applied");
        var before = _tap.Batches().Count;

        await Eventually.WaitAsync(() => _tap.Batches().Skip(before).Any(b => b.Batch.Points[0].Seq == 5), Wait, "resend from seq 5");
        Assert.DoesNotContain(_tap.Batches().Skip(before), b => b.Batch.Points.Any(p => p.Seq <= 4) && b.Batch.Points[0].Seq == 1);
    }

    [Fact]
    public async Task Run_BrokerDownThenUp_ReplaysEverythingInOrder()
    {
        await StartPublisherAsync(TimeSpan.FromSeconds(3));
        AppendPoints(20);
        await Eventually.WaitAsync(() => _tap.SeqsReceived().Count == 20, Wait, "first 20 points");

        _broker.Kill();
        await Eventually.WaitAsync(() => !_client.IsConnected, Wait, "edge sees the broker gone");
        AppendPoints(500, padding: 100);
        await _broker.RestartAsync(CancellationToken.None);

        await Eventually.WaitAsync(() => _tap.SeqsReceived().Count == 520, TimeSpan.FromSeconds(60), "all 520 points after the outage");
        var replayed = _tap.Batches().SelectMany(b => b.Batch.Points).Select(p => p.Seq).SkipWhile(s => s <= 20).ToList();
        var firstPass = replayed.TakeWhile((s, i) => i == 0 || s > replayed[i - 1]).ToList();
        Assert.Equal(firstPass.Order(), firstPass);
        Assert.Contains(520L, replayed);
    }
}
