using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Ingest.Writing;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Writing;

/// <summary>
/// The collector's liveness check for systemd's watchdog: received messages must keep leaving the queue. Judged on the
/// check's own inputs, then on a real collector whose only worker is stuck inside the alert evaluator.
/// </summary>
public sealed class PipelineProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EmptyQueue_NeverJudged_HoweverLongNothingArrives()
    {
        var time = new FakeTimeProvider(Now);
        var check = new PipelineProgress(() => 0, () => 7, TimeSpan.FromMinutes(3), time);
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(await check.CheckAsync(CancellationToken.None));
            time.Advance(TimeSpan.FromHours(1));
        }
    }

    [Fact]
    public async Task MessagesWaiting_WhileSomeAreTaken_Alive()
    {
        var time = new FakeTimeProvider(Now);
        long received = 0;
        var check = new PipelineProgress(() => 1_000, () => received, TimeSpan.FromMinutes(3), time);
        for (var i = 0; i < 20; i++)
        {
            received += 1; // with 1,000 always waiting, one message taken per round: slow (InfluxDB timing out, batches spilled) is not hung
            Assert.Null(await check.CheckAsync(CancellationToken.None));
            time.Advance(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task MessagesWaiting_NoneTaken_FailsAfterTheLimit_CountedFromTheFirstCheckThatSawIt_AndRecovers()
    {
        var time = new FakeTimeProvider(Now);
        var waiting = 0;
        long received = 500;
        var check = new PipelineProgress(() => waiting, () => received, TimeSpan.FromMinutes(3), time);
        Assert.Null(await check.CheckAsync(CancellationToken.None));

        // An hour idle, then messages arrive and the workers stop: the hour does not count, only the time since a check
        // first saw them waiting without progress.
        time.Advance(TimeSpan.FromHours(1));
        waiting = 40;
        received += 40;
        Assert.Null(await check.CheckAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(179));
        Assert.Null(await check.CheckAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(
            "40 received message(s) waiting and none taken by the workers for 180 s (a write gives up and spills within 90 s; hung after 180 s)",
            await check.CheckAsync(CancellationToken.None));

        waiting--;
        Assert.Null(await check.CheckAsync(CancellationToken.None));
    }

    [Fact]
    public void Limit_TwiceTheLongestAWriteCanHoldAWorker_AtLeastThreeMinutes()
    {
        // Defaults: 6 attempts of 10 s and 5 retries after at most 5 s = 85 s; twice that is under 3 minutes.
        var defaults = new InfluxOptions();
        Assert.Equal(TimeSpan.FromSeconds(85), PipelineProgress.WorstWrite(defaults));
        Assert.Equal(PipelineProgress.MinLimit, PipelineProgress.LimitFor(defaults));

        var patient = new InfluxOptions { RequestTimeout = TimeSpan.FromSeconds(30), MaxRetryAttempts = 8, RetryMaxDelay = TimeSpan.FromSeconds(20) };
        Assert.Equal(TimeSpan.FromSeconds((9 * 30 + 8 * 20) * 2), PipelineProgress.LimitFor(patient));
    }

    [Fact]
    public async Task RealCollector_WorkerStuck_WaitingMessagesJudgedHung_TakenAgainOnceItMoves()
    {
        using var dir = new TempDirectory("ingest-progress");
        using var http = new HttpClient();
        await using var influx = await FakeInflux.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Payloads.Ts));
        using var observer = new StuckObserver();
        FakeMqttClient mqtt = null!;
        var options = new IngestOptions
        {
            StateDirectory = dir.Path,
            Workers = 1,
            Influx = new InfluxOptions { Url = influx.BaseUri.ToString(), BatchSize = 100, MaxRetryAttempts = 0 },
        };
        await using var collector = new Collector(options, o => mqtt = new FakeMqttClient(o), http, timeProvider: time, observer: observer);
        await collector.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal("collector write pipeline", collector.Progress.Name);

            var topic = Topic.Metrics("s1", "r1", "stream");
            for (var i = 0; i < 5; i++)
            {
                await mqtt.DeliverAsync(topic, Payloads.Valid(firstSeq: 1 + (2 * i)));
            }

            // The only worker sits in the alert evaluator with the first message; four wait behind it.
            Assert.True(observer.Entered.Wait(TimeSpan.FromSeconds(30)), "the worker reached the observer");
            Assert.Null(await collector.Progress.CheckAsync(CancellationToken.None));
            time.Advance(TimeSpan.FromSeconds(30));
            Assert.Null(await collector.Progress.CheckAsync(CancellationToken.None));
            time.Advance(PipelineProgress.MinLimit);
            var problem = await collector.Progress.CheckAsync(CancellationToken.None);
            Assert.StartsWith("4 received message(s) waiting and none taken by the workers for 180 s", problem, StringComparison.Ordinal);

            observer.Release();
            await Eventually.WaitAsync(() => collector.Stats.PointsReceived == 10, TimeSpan.FromSeconds(30), "all 5 messages parsed");
            Assert.Null(await collector.Progress.CheckAsync(CancellationToken.None));
        }
        finally
        {
            // Never leave the worker stuck for the collector's disposal, whatever failed above.
            observer.Release();
        }
    }

    /// <summary>An alert evaluator that hangs on its first batch until released: a worker stuck for real.</summary>
    private sealed class StuckObserver : IBatchObserver, IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        public ManualResetEventSlim Entered { get; } = new();

        public void OnBatch(Contracts.Payloads.MetricBatch batch)
        {
            Entered.Set();
            _release.Wait();
        }

        public void OnStatus(string site, string room, bool online)
        {
        }

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
            Entered.Dispose();
        }
    }
}
