using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Runtime.Hosting.Watchdog;

/// <summary>
/// systemd's watchdog (the units' WatchdogSec=): a process that hangs while its MQTT library still answers the broker's
/// keepalives stays "online" to everyone reading its presence; systemd kills and restarts a service that stops saying
/// <c>WATCHDOG=1</c>, and then its will tells the others. Every half of the timeout this service runs its
/// <see cref="ILivenessCheck"/>s and says it only when all of them pass. The round itself runs on the thread pool, so a
/// starved or deadlocked pool also stops the word. Without systemd's watchdog the checks still run every 30 s and a
/// failing one is logged. It runs beside the other services' start-up (systemd counts from the process's start).
/// </summary>
public sealed class ServiceWatchdog(
    IEnumerable<ILivenessCheck> checks,
    ISystemdNotifier notifier,
    ServiceWatchdogSettings settings,
    TimeProvider time,
    ILogger<ServiceWatchdog> logger) : BackgroundService
{
    private static readonly ServiceState Alive = new("WATCHDOG=1");

    private readonly ILivenessCheck[] _checks = checks.ToArray();
    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);

    /// <summary>systemd watches this process and can be told.</summary>
    public bool Watched => settings.Timeout is not null && notifier.IsEnabled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Problem is { } problem)
        {
            ServiceWatchdogLog.Unusable(logger, problem);
        }

        using var timer = new PeriodicTimer(settings.Period, time);
        var names = _checks.Length == 0 ? "none beyond the thread pool" : string.Join(", ", _checks.Select(c => c.Name));
        if (Watched)
        {
            ServiceWatchdogLog.Watched(logger, settings.Timeout!.Value.TotalSeconds, settings.Period.TotalSeconds, names);
            notifier.Notify(Alive);
        }
        else if (settings.Timeout is not null)
        {
            ServiceWatchdogLog.NoSocket(logger);
        }

        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await RoundAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs every check (each within half a period) and tells systemd when all pass; true when they did.</summary>
    internal async Task<bool> RoundAsync(CancellationToken cancellationToken)
    {
        var timeout = settings.Period / 2;
        var results = await Task.WhenAll(_checks.Select(c => RunAsync(c, timeout, cancellationToken))).ConfigureAwait(false);
        var alive = true;
        for (var i = 0; i < _checks.Length; i++)
        {
            var name = _checks[i].Name;
            if (results[i] is { } reason)
            {
                alive = false;
                if (_failing.Add(name))
                {
                    ServiceWatchdogLog.Failing(logger, name, reason, Watched
                        ? $"systemd is no longer told this service is alive, and restarts it {settings.Timeout!.Value.TotalSeconds:0} s after the last word unless this recovers"
                        : "systemd does not watch this process (no WatchdogSec=), so nothing restarts it");
                }
            }
            else if (_failing.Remove(name))
            {
                ServiceWatchdogLog.Recovered(logger, name);
            }
        }

        if (alive && Watched)
        {
            notifier.Notify(Alive);
        }

        return alive;
    }

    private async Task<string?> RunAsync(ILivenessCheck check, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await check.CheckAsync(cancellationToken).WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return $"no answer within {timeout.TotalSeconds:0.#} s";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A check that throws has found its thing broken; the service goes on checking.
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
