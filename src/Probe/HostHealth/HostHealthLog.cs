using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.HostHealth;

internal static partial class HostHealthLog
{
    [LoggerMessage(EventId = 440, Level = LogLevel.Information, Message = "Host {Room}: CPU temperature from thermal zone {Type} ({Path})")]
    public static partial void ThermalZone(ILogger logger, string room, string type, string path);

    [LoggerMessage(EventId = 441, Level = LogLevel.Information, Message = "Host {Room}: the kernel exposes no CPU thermal zone under {Root}; cpu_temp_c is not reported")]
    public static partial void NoThermalZone(ILogger logger, string room, string root);

    [LoggerMessage(EventId = 442, Level = LogLevel.Warning, Message = "Host {Room}: reading {What} failed: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string room, string what, string reason);

    [LoggerMessage(EventId = 443, Level = LogLevel.Error, Message = "Host {Room}: sampling failed")]
    public static partial void SampleFailed(ILogger logger, Exception exception, string room);
}
