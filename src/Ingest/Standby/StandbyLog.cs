using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Standby;

/// <summary>Log events of primary/standby operation, one line each (STYLE.md rule 12).</summary>
internal static partial class StandbyLog
{
    [LoggerMessage(801, LogLevel.Information, "Collector {Instance} stands by: collector {Active} is active (its heartbeat is alive)")]
    public static partial void StandingBy(ILogger logger, string instance, string active);

    [LoggerMessage(802, LogLevel.Warning, "Collector {Instance} takes over: {Reason}")]
    public static partial void TakingOver(ILogger logger, string instance, string reason);

    [LoggerMessage(803, LogLevel.Warning, "Collector {Instance} steps down: collector {Rival} is active as well and outranks it; exiting with code {ExitCode} so the service manager restarts it as a standby")]
    public static partial void SteppingDown(ILogger logger, string instance, string rival, int exitCode);

    [LoggerMessage(804, LogLevel.Warning, "Collector {Instance}: MQTT broker {Broker} is not reachable to read the heartbeat ({Error}); retrying in {Delay}")]
    public static partial void BrokerNotReady(ILogger logger, string instance, string broker, string error, TimeSpan delay);

    [LoggerMessage(805, LogLevel.Warning, "Collector {Instance}: ignored a message on the heartbeat topic that is not a heartbeat")]
    public static partial void NotAHeartbeat(ILogger logger, string instance);

    [LoggerMessage(806, LogLevel.Critical, "Collector {Instance} could not start after taking over")]
    public static partial void StartFailed(ILogger logger, string instance, Exception exception);

    [LoggerMessage(807, LogLevel.Information, "Collector {Instance} took alert configuration revision {Revision} from collector {From}: {Rules} rules, {Rota} rota entries, {Silences} silences")]
    public static partial void ConfigurationApplied(ILogger logger, string instance, long revision, string from, int rules, int rota, int silences);

    [LoggerMessage(808, LogLevel.Error, "Collector {Instance} refused the alert configuration published by collector {From} and keeps its own: {Reason}")]
    public static partial void ConfigurationRefused(ILogger logger, string instance, string from, string reason);

    [LoggerMessage(809, LogLevel.Error, "Collector {Instance} refused the incident record on {Topic}: {Reason}")]
    public static partial void IncidentRefused(ILogger logger, string instance, string topic, string reason);

    [LoggerMessage(810, LogLevel.Warning, "Collector {Instance} could not say it is {Role} (the dashboard shows the standby group from it); it says so again on the next reconnect: {Reason}")]
    public static partial void PresenceFailed(ILogger logger, string instance, string role, string reason);

    [LoggerMessage(811, LogLevel.Warning, "Collector {Instance} was paused for {Paused}: the active collector's silence is counted from now, not from before the pause")]
    public static partial void Resumed(ILogger logger, string instance, TimeSpan paused);
}
