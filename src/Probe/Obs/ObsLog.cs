using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Obs;

internal static partial class ObsLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "OBS {Room}: connected to {Url} (OBS {ObsVersion}, obs-websocket {WebSocketVersion}, rpc {Rpc}, authenticated {Authenticated})")]
    public static partial void Connected(ILogger logger, string room, string url, string obsVersion, string webSocketVersion, int rpc, bool authenticated);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "OBS {Room}: not connected: {Reason}; retrying in {DelaySeconds} s")]
    public static partial void Disconnected(ILogger logger, string room, string reason, double delaySeconds);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "OBS {Room}: authentication failed (close code 4009): check Probe:Obs:Password; retrying in {DelaySeconds} s")]
    public static partial void AuthenticationFailed(ILogger logger, string room, double delaySeconds);

    [LoggerMessage(EventId = 403, Level = LogLevel.Error, Message = "OBS {Room}: the session was invalidated (close code 4011, kicked in OBS); not reconnecting until the probe restarts")]
    public static partial void SessionInvalidated(ILogger logger, string room);

    [LoggerMessage(EventId = 404, Level = LogLevel.Warning, Message = "OBS {Room}: request failed: {Detail}")]
    public static partial void RequestFailed(ILogger logger, string room, string detail);

    [LoggerMessage(EventId = 405, Level = LogLevel.Information, Message = "OBS {Room}: {RequestType} answers again")]
    public static partial void RequestRecovered(ILogger logger, string room, string requestType);

    [LoggerMessage(EventId = 406, Level = LogLevel.Warning, Message = "OBS {Room}: bad message from OBS skipped ({Count} so far)")]
    public static partial void BadMessage(ILogger logger, Exception exception, string room, long count);

    [LoggerMessage(EventId = 407, Level = LogLevel.Error, Message = "OBS {Room}: unexpected failure; reconnecting")]
    public static partial void Failed(ILogger logger, Exception exception, string room);

    [LoggerMessage(EventId = 408, Level = LogLevel.Information, Message = "OBS {Room}: {EventType} {Detail}")]
    public static partial void StateChanged(ILogger logger, string room, string eventType, string detail);

    [LoggerMessage(EventId = 409, Level = LogLevel.Error, Message = "OBS {Room}: appending a point failed")]
    public static partial void AppendFailed(ILogger logger, Exception exception, string room);
}
