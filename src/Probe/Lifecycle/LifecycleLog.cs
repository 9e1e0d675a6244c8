using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>The lifecycle's log lines (event ids 600–699).</summary>
internal static partial class LifecycleLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Schedule on {Topic} ignored: {Reason}; the previous one is kept")]
    public static partial void ScheduleRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Schedule of {Ts} accepted: {Shows} shows, time zone {Zone}, {Manual} manual items")]
    public static partial void ScheduleAccepted(ILogger logger, long ts, int shows, string zone, int manual);

    [LoggerMessage(EventId = 602, Level = LogLevel.Debug, Message = "Schedule of {Ts} is not newer than the one in use ({Current}); ignored")]
    public static partial void ScheduleStale(ILogger logger, long ts, long current);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "Could not keep a lifecycle file {Path}: {Reason}")]
    public static partial void SaveFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 604, Level = LogLevel.Warning, Message = "Unreadable lifecycle file left in place: {Problem}")]
    public static partial void RunUnreadable(ILogger logger, string problem);

    [LoggerMessage(EventId = 605, Level = LogLevel.Information, Message = "Checklist run {Run} started (show '{Show}', by {By})")]
    public static partial void RunStarted(ILogger logger, string run, string show, string by);

    [LoggerMessage(EventId = 606, Level = LogLevel.Information, Message = "Checklist run {Run} resumed (show '{Show}', {Confirmed} confirmations kept)")]
    public static partial void RunResumed(ILogger logger, string run, string show, int confirmed);

    [LoggerMessage(EventId = 607, Level = LogLevel.Information, Message = "Checklist run {Run} closed ({Reason}), status {Status}")]
    public static partial void RunClosed(ILogger logger, string run, string reason, string status);

    [LoggerMessage(EventId = 608, Level = LogLevel.Information, Message = "Checklist run {Run}: '{Item}' confirmed by {By}")]
    public static partial void Confirmed(ILogger logger, string run, string item, string by);

    [LoggerMessage(EventId = 609, Level = LogLevel.Information, Message = "Checklist run {Run} checked again on demand by {By}")]
    public static partial void Recheck(ILogger logger, string run, string by);

    [LoggerMessage(EventId = 610, Level = LogLevel.Information, Message = "Checklist run {Run} at the deadline: ready {Ready} ({Summary})")]
    public static partial void Deadline(ILogger logger, string run, bool ready, string summary);

    [LoggerMessage(EventId = 611, Level = LogLevel.Error, Message = "A checklist point could not be written to the outbox")]
    public static partial void PointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 612, Level = LogLevel.Information, Message = "Room state {State} ({Reason})")]
    public static partial void StateChanged(ILogger logger, string state, string reason);

    [LoggerMessage(EventId = 613, Level = LogLevel.Warning, Message = "Checklist command on {Topic} refused: {Reason}")]
    public static partial void CommandRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 614, Level = LogLevel.Warning, Message = "Publishing the room state failed")]
    public static partial void PublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 615, Level = LogLevel.Error, Message = "Lifecycle step failed; the next one tries again")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 616, Level = LogLevel.Information, Message = "Checklist command {Action} by {By}: {Result}")]
    public static partial void CommandDone(ILogger logger, string action, string by, string result);
}
