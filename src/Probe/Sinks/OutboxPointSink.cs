using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Outbox;

namespace LiveRoom.Probe.Sinks;

/// <summary><see cref="IPointSink"/> over the edge's <see cref="DiskOutbox"/>: every metric goes through the outbox.</summary>
public sealed class OutboxPointSink(DiskOutbox outbox) : IPointSink
{
    public void Append(MetricPoint point) => outbox.Append(point);
}
