using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.Sinks;

/// <summary>
/// Where a collector puts its points. In the worker this is the outbox (<see cref="OutboxPointSink"/>, issue 4 item 9),
/// which assigns the sequence number; collectors pass <c>Seq = 0</c>.
/// </summary>
public interface IPointSink
{
    /// <summary>Stores one point; may throw on a storage failure (the caller logs it and goes on with the next sample).</summary>
    void Append(MetricPoint point);
}
