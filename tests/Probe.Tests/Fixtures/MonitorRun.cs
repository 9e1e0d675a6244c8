using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Check;
using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Stream;

namespace LiveRoom.Probe.Tests.Fixtures;

/// <summary>A stream monitor reading one source into memory, for tests that wait for what it reports.</summary>
internal sealed class MonitorRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public MonitorRun(string source, Func<StreamMonitorOptions, StreamMonitorOptions>? configure = null)
    {
        var options = new StreamMonitorOptions { SourceUrl = source, RestartMinDelay = TimeSpan.FromMilliseconds(200), RestartMaxDelay = TimeSpan.FromSeconds(1) };
        Monitor = new StreamMonitor(Sink, configure?.Invoke(options) ?? options, "test", TimeProvider.System);
        _run = Monitor.RunAsync(_stop.Token);
    }

    public CollectingSink Sink { get; } = new();

    public StreamMonitor Monitor { get; }

    /// <summary>Event points so far (kind <c>event</c>).</summary>
    public List<MetricPoint> Events() => [.. Sink.Snapshot().Where(p => p.Kind == MetricKind.Event)];

    /// <summary>The first event of <paramref name="type"/> that starts a condition (or has no active field).</summary>
    public Task<MetricPoint> WaitForEventAsync(string type, TimeSpan timeout) =>
        LiveRoom.Testing.Eventually.WaitAsync(
            () => Task.FromResult(Events().FirstOrDefault(e => e.Fields[EventFields.Type].Text == type && (!e.Fields.TryGetValue(EventFields.Active, out var a) || a.Boolean))),
            e => e is not null,
            timeout,
            "event " + type)!;

    public Task<RoomSample> WaitForSampleAsync(Func<RoomSample, bool> done, TimeSpan timeout, string what) =>
        LiveRoom.Testing.Eventually.WaitAsync(() => Task.FromResult(Monitor.LastRoomSample!), s => s is not null && done(s), timeout, what);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        Monitor.Dispose();
        _stop.Dispose();
    }
}
