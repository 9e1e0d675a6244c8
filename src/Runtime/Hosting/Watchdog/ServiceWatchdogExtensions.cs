using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;

namespace LiveRoom.Runtime.Hosting.Watchdog;

public static class ServiceWatchdogExtensions
{
    /// <summary>
    /// Adds <see cref="ServiceWatchdog"/>. Call it before the service's own hosted services: hosted services start in
    /// order, and systemd's watchdog runs from the moment the process is started.
    /// </summary>
    public static IServiceCollection AddServiceWatchdog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISystemdNotifier>(_ => new SystemdNotifier());
        services.TryAddSingleton(_ => ServiceWatchdogSettings.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId));
        services.AddHostedService<ServiceWatchdog>();
        return services;
    }
}
