using LiveRoom.Ingest.Alerts.Lifecycle;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Alerts;

/// <summary>Structured log events of alerting (never a secret, a URL with a token, or a password).</summary>
internal static partial class AlertLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Notice {Key} ({Kind}, {Alerts} alert(s)) sent to {Channel}")]
    public static partial void Sent(ILogger logger, string key, string kind, int alerts, string channel);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Sending {Key} to {Channel} failed (attempt {Attempt}): {Reason}; retrying in {Delay}")]
    public static partial void SendRetry(ILogger logger, string key, string channel, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 702, Level = LogLevel.Error, Message = "Notice {Key} could not be sent to {Channel}: {Reason}")]
    public static partial void SendFailed(ILogger logger, string key, string channel, string reason);

    [LoggerMessage(EventId = 703, Level = LogLevel.Information, Message = "{Count} notices for {Channel} digested into one (rate limit {PerMinute}/min)")]
    public static partial void Digested(ILogger logger, int count, string channel, int perMinute);

    [LoggerMessage(EventId = 704, Level = LogLevel.Information, Message = "Alert {AlertId} {Rule} in {Site}/{Room}: {Result} by {Who}")]
    public static partial void Acted(ILogger logger, string alertId, string rule, string site, string room, ActionResult result, string who);

    [LoggerMessage(EventId = 705, Level = LogLevel.Information, Message = "Alert page listening on {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 709, Level = LogLevel.Error, Message = "Alert page cannot listen on {Url}: {Reason}; acknowledgement links will not work (set Ingest:Alerts:HttpUrl)")]
    public static partial void ListenFailed(ILogger logger, string url, string reason);

    [LoggerMessage(EventId = 706, Level = LogLevel.Warning, Message = "Acknowledgement link refused: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 707, Level = LogLevel.Error, Message = "Alert loop {Name} failed")]
    public static partial void LoopFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(EventId = 708, Level = LogLevel.Warning, Message = "Heartbeat publish failed: {Reason}")]
    public static partial void HeartbeatFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 711, Level = LogLevel.Information, Message = "Alert configuration revision {Revision} published for the standby collectors")]
    public static partial void ConfigurationPublished(ILogger logger, long revision);

    [LoggerMessage(EventId = 712, Level = LogLevel.Warning, Message = "Publishing the alert configuration for the standby collectors failed: {Reason}; retrying")]
    public static partial void ConfigurationPublishFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 713, Level = LogLevel.Information, Message = "Took over {Count} alert(s) still open in the incident records; each is resolved unless its condition is seen again within {Grace}")]
    public static partial void Adopted(ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(EventId = 714, Level = LogLevel.Warning, Message = "Publishing incident {AlertId} for the standby collectors failed: {Reason}; retrying")]
    public static partial void IncidentPublishFailed(ILogger logger, string alertId, string reason);

    [LoggerMessage(EventId = 715, Level = LogLevel.Warning, Message = "Ignored the watchdog presence on {Topic}: {Reason}")]
    public static partial void WatchdogPresenceIgnored(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 716, Level = LogLevel.Warning, Message = "Cannot read the watchdogs' presences ({Reason}): a watchdog that dies is not reported")]
    public static partial void WatchdogsUnwatched(ILogger logger, string reason);

    [LoggerMessage(EventId = 717, Level = LogLevel.Warning, Message = "{Kind} {Title}: {Note}")]
    public static partial void WatchdogNotice(ILogger logger, string kind, string title, string note);
}
