using System.Globalization;

namespace LiveRoom.Runtime.Hosting.Watchdog;

/// <summary>
/// What systemd asked for (sd_watchdog_enabled(3)): <c>WATCHDOG_USEC</c> is the unit's WatchdogSec=, <c>WATCHDOG_PID</c>
/// the process it is meant for. The service tells systemd it is alive every half of that, as systemd recommends.
/// </summary>
/// <param name="Timeout">systemd's watchdog timeout; null when systemd does not watch this process.</param>
/// <param name="Problem">Why a variable that was set could not be used (logged once), else null.</param>
public sealed record ServiceWatchdogSettings(TimeSpan? Timeout, string? Problem = null)
{
    /// <summary>How often the checks run (and are logged when they fail) when systemd does not watch: 30 s.</summary>
    public static readonly TimeSpan UnwatchedPeriod = TimeSpan.FromSeconds(30);

    private const ulong MaxMicros = (ulong)(long.MaxValue / 10);

    public TimeSpan Period => Timeout is { } t ? t / 2 : UnwatchedPeriod;

    public static ServiceWatchdogSettings FromEnvironment(Func<string, string?> variable, int pid)
    {
        var usec = variable("WATCHDOG_USEC");
        if (string.IsNullOrEmpty(usec))
        {
            return new ServiceWatchdogSettings(Timeout: null);
        }

        if (!ulong.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var micros) || micros == 0 || micros > MaxMicros)
        {
            return new ServiceWatchdogSettings(null, $"WATCHDOG_USEC '{usec}' is not a positive number of microseconds");
        }

        var forPid = variable("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(forPid) && forPid != pid.ToString(CultureInfo.InvariantCulture))
        {
            // Meant for another process (this one was started by the watched one): not ours to answer.
            return new ServiceWatchdogSettings(Timeout: null);
        }

        return new ServiceWatchdogSettings(TimeSpan.FromTicks((long)micros * 10));
    }
}
