using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Mqtt;
using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Publishing;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.Outbox.OutboxTestData;

namespace LiveRoom.Probe.Tests.Publishing;

/// <summary>Publisher timing (live interval, resend, reconnect, window) on a fake clock with an in-memory client.</summary>
public sealed class OutboxPublisherClockTests : IAsyncLifetime
{
    // Real-time deadline for the publisher's thread-pool pass to react to a fake-clock tick. The whole `make test`
    // (three 1080p encoders, chromium, fault tests) can starve the pool for seconds on 2 cores; 10 s once ran out.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("publisher-clock");
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingMqttClient _client = new();
    private readonly CancellationTokenSource _stop = new();
    private DiskOutbox _outbox = null!;
    private OutboxPublisher _publisher = null!;
    private Task _run = Task.CompletedTask;

    public Task InitializeAsync()
    {
        _outbox = Open(_dir, _time);
        _publisher = new OutboxPublisher(
            _outbox,
            _client,
            new PublisherOptions { Site = "s1", Room = "r1", ResendAfter = TimeSpan.FromSeconds(30), MaxInFlight = 2, MaxBatchPoints = 10 },
            _time);
        _run = _publisher.RunAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var p in _client.Published)
        {
            p.Ack.TrySetResult();
        }

        await _run;
        _publisher.Dispose();
        _outbox.Dispose();
        _dir.Dispose();
    }

    /// <summary>
    /// Connects and waits for the pass the connect starts, so points appended next go out with the next tick only: that
    /// pass, run late on a loaded machine, once found half of a backlog being appended and sent it as an extra batch.
    /// </summary>
    private async Task ConnectAndSettleAsync()
    {
        var before = _publisher.Passes;
        _client.SetConnected(true);
        await Eventually.WaitAsync(() => _publisher.Passes > before, Wait, "the connect's pass");
    }

    private List<MetricBatch> Batches() =>
        _client.Published.Select(p => JsonSerializer.Deserialize(p.Payload, ContractsJsonContext.Default.MetricBatch)!).ToList();

    private Task Ack(long seq) => _publisher.HandleMessageAsync(
        new MqttMessage(
            _publisher.AckTopic,
            Encoding.UTF8.GetBytes($$"""{"v":1,"site":"s1","room":"r1","edge":"{{_outbox.EdgeId}}","seq":{{seq}},"ts":0}"""),
            MqttQos.AtLeastOnce,
            Retain: true),
        CancellationToken.None).AsTask();

    [Fact]
    public async Task Tick_WhileDisconnected_PublishesNothing_ThenReplaysFromFloorOnConnect()
    {
        _outbox.Append(Point(1));
        _outbox.Append(Point(2));
        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitAsync(() => _publisher.Passes >= 1, Wait, "a pass while disconnected");
        Assert.Empty(_client.Published);

        _client.SetConnected(true);

        await Eventually.WaitAsync(() => _client.Published.Count == 1, Wait, "one live batch");
        Assert.Equal([1L, 2L], Batches()[0].Points.Select(p => p.Seq));
    }

    [Fact]
    public async Task Tick_EverySecond_SendsOnlyThatSecondsPoints()
    {
        // The connect starts a pass of its own; the point is written after it, so only the next second's tick sends it
        // (on a loaded machine the connect's pass once ran after the append and sent the point early).
        await ConnectAndSettleAsync();
        _outbox.Append(Point(1));
        await Eventually.WaitAsync(() => _publisher.Cursor == 1 && _client.Published.Count == 0, Wait, "settled");

        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitAsync(() => _client.Published.Count == 1, Wait, "first second");
        _outbox.Append(Point(2));
        _outbox.Append(Point(3));
        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitAsync(() => _client.Published.Count == 2, Wait, "second second");

        Assert.Equal([[1L], [2L, 3L]], Batches().Select(b => b.Points.Select(p => p.Seq).ToArray()));
    }

    [Fact]
    public async Task Tick_UnackedForResendAfter_SendsAgainFromOldestUnacked()
    {
        await ConnectAndSettleAsync();
        for (var i = 0; i < 5; i++)
        {
            _outbox.Append(Point(i));
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitAsync(() => _client.Published.Count == 1, Wait, "first send");
        await Ack(2);

        var passes = _publisher.Passes;
        _time.Advance(TimeSpan.FromSeconds(28));
        await Eventually.WaitAsync(() => _publisher.Passes > passes, Wait, "a pass before ResendAfter");
        Assert.Single(_client.Published);
        _time.Advance(TimeSpan.FromSeconds(2));

        await Eventually.WaitAsync(() => _client.Published.Count == 2, Wait, "resend");
        Assert.Equal([3L, 4L, 5L], Batches()[1].Points.Select(p => p.Seq));
        Assert.Equal(3, Batches()[1].Floor);
    }

    [Fact]
    public async Task Tick_AckProgressWithinResendAfter_PostponesResend()
    {
        await ConnectAndSettleAsync();
        for (var i = 0; i < 30; i++)
        {
            _outbox.Append(Point(i));
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitAsync(() => _client.Published.Count == 3, Wait, "three batches");
        _time.Advance(TimeSpan.FromSeconds(19));
        await Ack(10);

        var passes = _publisher.Passes;
        _time.Advance(TimeSpan.FromSeconds(12));
        await Eventually.WaitAsync(() => _publisher.Passes > passes, Wait, "a pass 31 s after sending");
        Assert.Equal(3, _client.Published.Count);

        _time.Advance(TimeSpan.FromSeconds(19));
        await Eventually.WaitAsync(() => _client.Published.Count > 3, Wait, "resend once progress stopped");
        Assert.Equal(11, Batches()[3].Points[0].Seq);
    }

    [Fact]
    public async Task Tick_Backlog_KeepsAtMostMaxInFlightUnconfirmedPublishes()
    {
        _client.AutoAck = false;
        // The backlog exists before the connection: a pass started by the connect would otherwise find a half-written
        // backlog and (rightly) publish a smaller first batch.
        for (var i = 0; i < 50; i++)
        {
            _outbox.Append(Point(i));
        }

        _client.SetConnected(true);

        _time.Advance(TimeSpan.FromSeconds(1));
        for (var confirmed = 0; confirmed < 5; confirmed++)
        {
            var n = confirmed + 1;
            await Eventually.WaitAsync(() => _client.Published.Count >= Math.Min(5, n + 1), Wait, $"publish {n + 1}");
            _client.Published[confirmed].Ack.SetResult();
        }

        Assert.Equal(5, _client.Published.Count);
        Assert.Equal(2, _client.MaxOutstanding);
        Assert.All(Batches(), b => Assert.Equal(10, b.Points.Count));
    }
}
