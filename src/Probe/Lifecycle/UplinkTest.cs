using LiveRoom.Probe.Network;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>Runs the active uplink test (in the worker: <see cref="NetworkMonitor.RunUplinkTestAsync"/>) against the stream's bitrate.</summary>
public delegate Task<UplinkOutcome> UplinkTest(double? streamBitsPerSecond, CancellationToken cancellationToken);
