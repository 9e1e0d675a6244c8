using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.Outbox;

/// <summary>A point read back from the outbox, with the size of its JSON (for batch bounds).</summary>
public readonly record struct StoredPoint(MetricPoint Point, int JsonBytes);
