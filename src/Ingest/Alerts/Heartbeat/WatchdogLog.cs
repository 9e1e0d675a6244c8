using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Alerts.Heartbeat;

internal static partial class WatchdogLog
{
    [LoggerMessage(EventId = 760, Level = LogLevel.Warning, Message = "Watchdog: {Kind} {Title}")]
    public static partial void Notice(ILogger logger, string kind, string title);

    [LoggerMessage(EventId = 761, Level = LogLevel.Warning, Message = "Watchdog cannot connect to the broker: {Reason}; retrying")]
    public static partial void ConnectFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 762, Level = LogLevel.Information, Message = "Watchdog watching {Topic} (stale after {Stale}), {Channels} notification channel(s)")]
    public static partial void Started(ILogger logger, string topic, TimeSpan stale, int channels);

    [LoggerMessage(EventId = 763, Level = LogLevel.Warning, Message = "Watchdog ignored the presence on {Topic}: {Reason}")]
    public static partial void PresenceIgnored(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 764, Level = LogLevel.Warning, Message = "Watchdog cannot read the dashboards' presences ({Reason}): a dashboard that dies is not reported; regenerate the broker's security files (liveroom-ingest security generate)")]
    public static partial void DashboardsUnwatched(ILogger logger, string reason);

    [LoggerMessage(EventId = 765, Level = LogLevel.Warning, Message = "Watchdog could not say it is {State}: {Reason}")]
    public static partial void AnnounceFailed(ILogger logger, string state, string reason);

    [LoggerMessage(EventId = 766, Level = LogLevel.Warning, Message = "Watchdog was paused (its check came far later than due); judging again from the next check, once its session has caught up")]
    public static partial void Resumed(ILogger logger);
}
