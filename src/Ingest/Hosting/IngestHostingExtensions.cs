using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Heartbeat;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Standby;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Hosting.Watchdog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveRoom.Ingest.Hosting;

/// <summary>Wiring of the collector host (STYLE.md rule 5).</summary>
public static class IngestHostingExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> used for InfluxDB.</summary>
    public const string InfluxHttpClient = "influx";

    /// <summary>Name of the <see cref="HttpClient"/> used by the notification senders (Polly owns the timeouts).</summary>
    public const string AlertsHttpClient = "alerts";

    /// <summary>
    /// Binds <see cref="IngestOptions"/> from the <c>Ingest</c> section (appsettings.json, environment
    /// <c>Ingest__Influx__Url</c>, command line <c>--Ingest:Influx:Url=…</c>), validates them at start and runs the collector.
    /// </summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IngestOptions>()
            .Bind(builder.Configuration.GetSection(IngestDefaults.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        builder.Services.AddHttpClient(InfluxHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(AlertsHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IngestOptions>>().Value;
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            return new AlertService(
                options.Alerts,
                options.StateDirectory,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(AlertsHttpClient),
                loggers,
                sp.GetRequiredService<TimeProvider>(),
                heartbeatClient: onMessage => new MosquittoClient(HeartbeatSession(options) with { OnMessage = onMessage }, loggers.CreateLogger<MosquittoClient>()));
        });
        builder.Services.AddSingleton<Func<CollectorLease>>(sp => () =>
        {
            var options = sp.GetRequiredService<IOptions<IngestOptions>>().Value;
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            return new CollectorLease(
                o => new MosquittoClient(o, loggers.CreateLogger<MosquittoClient>()),
                options.Mqtt.Session(options.Mqtt.ClientId + "-lease-" + options.Standby.Instance),
                options.Standby.Instance,
                options.Alerts.HeartbeatInterval * WatchdogHosting.StaleIntervals,
                loggers.CreateLogger<CollectorLease>(),
                sp.GetRequiredService<TimeProvider>(),
                options.Alerts.Enabled ? Followers(sp.GetRequiredService<AlertService>(), options.Standby.Instance, loggers) : null);
        });
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IngestOptions>>().Value;
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            return new Collector(
                options,
                o => new MosquittoClient(o, loggers.CreateLogger<MosquittoClient>()),
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(InfluxHttpClient),
                loggers,
                sp.GetRequiredService<TimeProvider>(),
                options.Alerts.Enabled ? sp.GetRequiredService<AlertService>().Evaluator : null);
        });
        // systemd's watchdog (decision 0028): the write pipeline must keep taking what the broker delivers.
        builder.Services.AddSingleton<ILivenessCheck>(sp => sp.GetRequiredService<Collector>().Progress);
        builder.Services.AddHostedService<IngestHostedService>();
        // Up whether this collector is active or standby: edges measure their link, not the collector's role.
        builder.Services.AddHostedService<Uplink.UplinkHostedService>();

        return builder;
    }

    /// <summary>What a standby keeps a copy of: the active collector's alert configuration and incident records.</summary>
    private static IReplicaFollower[] Followers(AlertService alerts, string instance, ILoggerFactory loggers) =>
    [
        new ConfigurationFollower(alerts.Admin, instance, loggers.CreateLogger<ConfigurationFollower>()),
        new IncidentFollower(alerts.Incidents, instance, loggers.CreateLogger<IncidentFollower>()),
    ];

    /// <summary>
    /// The heartbeat's own session: its own client id ({ClientId}-heartbeat, and the instance's name with standbys, so
    /// two collectors' heartbeats never take over each other's session), "dead" as its last will.
    /// </summary>
    private static MqttClientOptions HeartbeatSession(IngestOptions options)
    {
        var standby = options.Standby.Enabled ? options.Standby.Instance : null;
        return options.Mqtt.Session(options.Mqtt.ClientId + "-heartbeat" + (standby is null ? string.Empty : "-" + standby)) with
        {
            Will = HeartbeatPublisher.WillOf(standby),
        };
    }
}
