using LiveRoom.Probe.Network;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>One uplink test: the Mbit/s the collector acknowledged (null when the test failed, with <see cref="Error"/>) and its verdict.</summary>
public sealed record UplinkOutcome(double? Mbps, string? Error, VerdictLevel Level, string Reason);
