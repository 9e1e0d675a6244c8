using Microsoft.Extensions.Logging;

namespace LiveRoom.Runtime.Hosting.Watchdog;

internal static partial class ServiceWatchdogLog
{
    [LoggerMessage(812, LogLevel.Information, "systemd watchdog: timeout {Timeout:0.#} s; this service says it is alive every {Period:0.#} s while these answer: {Checks}")]
    public static partial void Watched(ILogger logger, double timeout, double period, string checks);

    [LoggerMessage(813, LogLevel.Warning, "systemd watchdog: WATCHDOG_USEC is set but NOTIFY_SOCKET is not, so systemd cannot be told this service is alive; set NotifyAccess=main in the unit")]
    public static partial void NoSocket(ILogger logger);

    [LoggerMessage(814, LogLevel.Warning, "systemd watchdog not used: {Problem}")]
    public static partial void Unusable(ILogger logger, string problem);

    [LoggerMessage(815, LogLevel.Error, "Liveness check '{Check}' failed: {Reason}; {Consequence}")]
    public static partial void Failing(ILogger logger, string check, string reason, string consequence);

    [LoggerMessage(816, LogLevel.Information, "Liveness check '{Check}' passes again")]
    public static partial void Recovered(ILogger logger, string check);
}
