using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Outbox;

namespace LiveRoom.Probe.Check;

/// <summary>Keeps the points in memory (the check needs no outbox or broker).</summary>
internal sealed class CollectingSink : IMetricSink
{
    private readonly List<MetricPoint> _points = [];
    private long _seq;

    public MetricPoint Append(MetricPoint point)
    {
        lock (_points)
        {
            var stored = point with { Seq = ++_seq };
            _points.Add(stored);
            return stored;
        }
    }

    public List<MetricPoint> Snapshot()
    {
        lock (_points)
        {
            return [.. _points];
        }
    }
}
