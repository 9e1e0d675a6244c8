using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Stream;
using LiveRoom.Runtime.Hosting.Watchdog;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Stream;

/// <summary>
/// The edge's liveness for systemd's watchdog (decision 0028): the stream monitor's sampling step beats its beacon once a
/// second whether the stream is up or down, so a step stuck in its sink silences it. The monitor runs on the real clock
/// against an SRT listener nobody feeds (stream down); the beacon has its own fake clock, so the silence is measured, not
/// waited for.
/// </summary>
public sealed class SamplingBeaconTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SamplingStuckInTheSink_BeaconSilentPastItsLimit_BeatsAgainOnceItMoves_DisarmedWhenTheMonitorStops()
    {
        var beaconTime = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var beacon = new LoopBeacon("the stream monitor's sampling", TimeSpan.FromSeconds(1), beaconTime);
        using var sink = new StuckSink(stuckAt: 3);
        using var monitor = new StreamMonitor(
            sink,
            new StreamMonitorOptions { SourceUrl = $"srt://127.0.0.1:{FreePort.Next()}?mode=listener" },
            "room-1",
            TimeProvider.System) { Beacon = beacon };
        using var stop = new CancellationTokenSource();
        var run = monitor.RunAsync(stop.Token);
        try
        {
            // Two steps reach the sink and beat; the third stays inside it, and the steps after it find it busy.
            Assert.True(sink.Stuck.Wait(Wait), "the third sampling step reached the sink");
            Assert.Equal(3, sink.Appended.Count(p => p.Kind == MetricKind.Stream));
            Assert.All(sink.Appended, p => Assert.False(p.Fields[MetricKind.StreamFields.Up].Boolean));
            Assert.Null(await beacon.CheckAsync(CancellationToken.None));
            beaconTime.Advance(TimeSpan.FromSeconds(31));
            Assert.Equal("no round for 31 s (it runs every 1 s; hung after 30 s)", await beacon.CheckAsync(CancellationToken.None));

            sink.Release();
            await Eventually.WaitAsync(async () => await beacon.CheckAsync(CancellationToken.None), r => r is null, Wait, "a beat after the step moved on");
        }
        finally
        {
            sink.Release();
            await stop.CancelAsync();
            await run;
        }

        // Stopped on purpose: its silence is no fault.
        beaconTime.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await beacon.CheckAsync(CancellationToken.None));
    }

    /// <summary>Keeps what it is given; the <c>stuckAt</c>-th point waits inside <see cref="Append"/> until released.</summary>
    private sealed class StuckSink(int stuckAt) : IMetricSink, IDisposable
    {
        private readonly ManualResetEventSlim _release = new();
        private readonly List<MetricPoint> _points = [];

        public ManualResetEventSlim Stuck { get; } = new();

        public IReadOnlyList<MetricPoint> Appended
        {
            get
            {
                lock (_points)
                {
                    return [.. _points];
                }
            }
        }

        public MetricPoint Append(MetricPoint point)
        {
            int count;
            lock (_points)
            {
                _points.Add(point);
                count = _points.Count;
            }

            if (count == stuckAt)
            {
                Stuck.Set();
                _release.Wait();
            }

            return point;
        }

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
            Stuck.Dispose();
        }
    }
}
