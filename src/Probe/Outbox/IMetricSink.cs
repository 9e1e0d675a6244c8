using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.Outbox;

/// <summary>Where measured points go: the <see cref="DiskOutbox"/> in the worker, a collector in <c>liveroom-probe check</c>. Thread-safe.</summary>
public interface IMetricSink
{
    /// <summary>Takes one point (its <see cref="MetricPoint.Seq"/> is assigned by the sink).</summary>
    MetricPoint Append(MetricPoint point);
}
