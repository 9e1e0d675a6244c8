using System.Collections.Concurrent;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts;

/// <summary>The collector tells its observer about every validated batch and every edge status, and stores regardless.</summary>
public sealed class CollectorHookTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("ingest-alerts");
    private readonly HttpClient _http = new();
    private readonly Observer _observer = new();
    private FakeInflux _influx = null!;
    private FakeMqttClient _mqtt = null!;
    private Collector _collector = null!;

    public async Task InitializeAsync()
    {
        _influx = await FakeInflux.StartAsync();
        var options = new IngestOptions { StateDirectory = _dir.Path, Workers = 1, Influx = new InfluxOptions { Url = _influx.BaseUri.ToString(), MaxRetryAttempts = 0 } };
        _collector = new Collector(options, o => _mqtt = new FakeMqttClient(o), _http, observer: _observer);
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
    public async Task ValidBatchAndStatus_ReachTheObserver_InvalidBatchDoesNot_ThrowingObserverLosesNothing()
    {
        await _mqtt.DeliverAsync(Topic.Metrics("s1", "r1", "stream"), "{broken");
        await _mqtt.DeliverAsync(Topic.Status("s1", "r1"), """{"v":1,"site":"s1","room":"r1","status":"offline","ts":0,"seq":3}""");
        _observer.Throw = true;
        await _mqtt.DeliverAsync(Topic.Metrics("s1", "r1", "stream"), Payloads.Valid(count: 3));

        await Eventually.WaitAsync(() => _observer.Batches.Count == 1 && _observer.Statuses.Count == 1, Wait, "observer calls");
        Assert.Equal(3, _observer.Batches.Single().Points.Count);
        Assert.Equal(("s1", "r1", false), _observer.Statuses.Single());
        await Eventually.WaitAsync(() => _collector.Acknowledged("s1", "r1", "e1") == 3, Wait, "the batch stored despite the observer's exception");
    }

    [Fact]
    public async Task RoomState_ReachesTheObserver_MalformedOrForeignOrUnknownStateDoesNot()
    {
        await _mqtt.DeliverAsync(Topic.State("s1", "r1"), "{broken");
        await _mqtt.DeliverAsync(Topic.State("s1", "r1"), """{"v":1,"site":"s1","room":"OTHER","ts":5,"state":"live","since":1}""");
        await _mqtt.DeliverAsync(Topic.State("s1", "r1"), """{"v":1,"site":"s1","room":"r1","ts":6,"state":"dancing","since":1}""");
        await _mqtt.DeliverAsync(Topic.State("s1", "r1"), """{"v":1,"site":"s1","room":"r1","ts":7,"state":"pre-show","since":1,"show":{"id":"x","title":"Spring sale","start":1,"end":2}}""");

        await Eventually.WaitAsync(() => !_observer.States.IsEmpty, Wait, "state reaches the observer");
        var (site, room, state) = Assert.Single(_observer.States);
        Assert.Equal(("s1", "r1", "pre-show", "Spring sale"), (site, room, state.State, state.Show?.Title));
    }

    private sealed class Observer : IBatchObserver
    {
        public ConcurrentQueue<(string, string, RoomStateMessage)> States { get; } = new();

        public void OnState(string site, string room, RoomStateMessage state) => States.Enqueue((site, room, state));

        public ConcurrentQueue<MetricBatch> Batches { get; } = new();

        public ConcurrentQueue<(string, string, bool)> Statuses { get; } = new();

        public bool Throw { get; set; }

        public void OnBatch(MetricBatch batch)
        {
            Batches.Enqueue(batch);
            if (Throw)
            {
                throw new InvalidOperationException("observer bug");
            }
        }

        public void OnStatus(string site, string room, bool online) => Statuses.Enqueue((site, room, online));
    }
}
