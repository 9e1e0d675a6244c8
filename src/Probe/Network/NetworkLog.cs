using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Network;

internal static partial class NetworkLog
{
    [LoggerMessage(EventId = 420, Level = LogLevel.Information, Message = "Network {Room}: measuring interface {Interface}")]
    public static partial void InterfaceSelected(ILogger logger, string room, string @interface);

    [LoggerMessage(EventId = 421, Level = LogLevel.Warning, Message = "Network {Room}: interface '{Configured}' not found in /proc/net/dev; no NIC rates")]
    public static partial void InterfaceMissing(ILogger logger, string room, string configured);

    [LoggerMessage(EventId = 422, Level = LogLevel.Warning, Message = "Network {Room}: ingest {Host}:{Port} unreachable: {Reason}")]
    public static partial void IngestUnreachable(ILogger logger, string room, string host, int port, string reason);

    [LoggerMessage(EventId = 423, Level = LogLevel.Information, Message = "Network {Room}: ingest {Host}:{Port} reachable again, RTT {RttMs} ms")]
    public static partial void IngestReachable(ILogger logger, string room, string host, int port, double rttMs);

    [LoggerMessage(EventId = 424, Level = LogLevel.Information, Message = "Network {Room}: uplink test {Level}: {Reason}")]
    public static partial void UplinkTested(ILogger logger, string room, string level, string reason);

    [LoggerMessage(EventId = 428, Level = LogLevel.Information, Message = "Network {Room}: the collector was busy with other rooms' uplink tests; this one waited {Seconds:0} s for a free slot")]
    public static partial void UplinkTestWaited(ILogger logger, string room, double seconds);

    [LoggerMessage(EventId = 425, Level = LogLevel.Warning, Message = "Network {Room}: uplink test failed: {Reason}")]
    public static partial void UplinkTestFailed(ILogger logger, string room, string reason);

    [LoggerMessage(EventId = 426, Level = LogLevel.Warning, Message = "Network {Room}: reading {Path} failed: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string room, string path, string reason);

    [LoggerMessage(EventId = 427, Level = LogLevel.Error, Message = "Network {Room}: sampling failed")]
    public static partial void SampleFailed(ILogger logger, Exception exception, string room);
}
