namespace LiveRoom.Probe.Network;

/// <summary>One interface's cumulative counters from /proc/net/dev.</summary>
public sealed record NicCounters(string Name, long RxBytes, long RxPackets, long TxBytes, long TxPackets);
