using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Stream;

internal static partial class StreamLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Stream {Room}: reader ffmpeg started (pid {Pid}) on {Source}")]
    public static partial void ReaderStarted(ILogger logger, string room, int pid, string source);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Stream {Room}: reader stopped: {Reason}")]
    public static partial void ReaderStopped(ILogger logger, string room, string reason);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Stream {Room}: reader could not start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string room, string reason);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Stream {Room}: restarting the reader in {DelaySeconds} s")]
    public static partial void Restarting(ILogger logger, string room, double delaySeconds);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Stream {Room}: up = {Up}")]
    public static partial void UpChanged(ILogger logger, string room, bool up);

    [LoggerMessage(EventId = 305, Level = LogLevel.Error, Message = "Stream {Room}: sampling failed")]
    public static partial void TickFailed(ILogger logger, Exception exception, string room);

    [LoggerMessage(EventId = 306, Level = LogLevel.Warning, Message = "Stream {Room}: pipe {Path} failed: {Reason}")]
    public static partial void PipeFailed(ILogger logger, string room, string path, string reason);

    [LoggerMessage(EventId = 307, Level = LogLevel.Error, Message = "Stream {Room}: could not append a point: {Reason}")]
    public static partial void AppendFailed(ILogger logger, string room, string reason);

    [LoggerMessage(EventId = 308, Level = LogLevel.Warning, Message = "Stream {Room}: {Type} {State}: {Message}")]
    public static partial void Condition(ILogger logger, string room, string type, string state, string message);
}
