using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>The newest value of one (kind, field), with its source time (UTC Unix ms).</summary>
public readonly record struct Measurement(FieldValue Value, long Ts);
