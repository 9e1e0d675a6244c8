using LiveRoom.Probe.Outbox;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Sinks;

namespace LiveRoom.Probe.Tests.Obs;

/// <summary>An <see cref="IMetricSink"/> that keeps the points and lets a test await one (no polling, no sleeps).</summary>
internal sealed class RecordingPointSink : IMetricSink
{
    private readonly Lock _gate = new();
    private readonly List<MetricPoint> _points = [];
    private readonly List<(Func<MetricPoint, bool> Match, TaskCompletionSource<MetricPoint> Done)> _waiters = [];

    public IReadOnlyList<MetricPoint> Points
    {
        get { lock (_gate) { return [.. _points]; } }
    }

    public IReadOnlyList<string> EventTypes =>
        [.. Points.Where(p => p.Kind == MetricKind.Event).Select(p => p.Fields[SinkPoints.EventType].Text!)];

    public MetricPoint Append(MetricPoint point)
    {
        List<TaskCompletionSource<MetricPoint>> done = [];
        lock (_gate)
        {
            _points.Add(point);
            _waiters.RemoveAll(w =>
            {
                if (!w.Match(point))
                {
                    return false;
                }

                done.Add(w.Done);
                return true;
            });
        }

        done.ForEach(d => d.TrySetResult(point));
        return point;
    }

    /// <summary>The first point (already appended or still to come) that matches.</summary>
    public Task<MetricPoint> WaitForAsync(Func<MetricPoint, bool> match, string what, int from = 0)
    {
        var done = new TaskCompletionSource<MetricPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_points.Skip(from).FirstOrDefault(match) is { } existing)
            {
                return Task.FromResult(existing);
            }

            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(
            t => t.IsFaulted && t.Exception!.InnerException is TimeoutException ? throw new TimeoutException("timed out waiting for " + what) : t.Result,
            TaskScheduler.Default);
    }

    public int Count
    {
        get { lock (_gate) { return _points.Count; } }
    }

    /// <summary>Waits for an event point of <paramref name="type"/> at or after index <paramref name="from"/>.</summary>
    public Task<MetricPoint> WaitForEventAsync(string type, int from = 0) =>
        WaitForAsync(p => p.Kind == MetricKind.Event && p.Fields[SinkPoints.EventType].Text == type, "event " + type, from);

    public void Clear()
    {
        lock (_gate)
        {
            _points.Clear();
        }
    }
}
