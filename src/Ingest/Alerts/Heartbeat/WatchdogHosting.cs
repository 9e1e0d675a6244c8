using LiveRoom.Runtime.Hosting.Watchdog;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Options;
using LiveRoom.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveRoom.Ingest.Alerts.Heartbeat;

/// <summary>
/// <c>liveroom-ingest watchdog</c>: the collector's dead-man's switch watcher as its own process (deploy/systemd
/// liveroom-watchdog.service; best on another machine). Reads the same <c>Ingest</c> configuration: <c>Mqtt</c> for the
/// broker (client id <c>{ClientId}-watchdog</c>) and <c>Alerts:Channels</c>/<c>Alerts:HeartbeatInterval</c>.
/// </summary>
public static class WatchdogHosting
{
    /// <summary>A heartbeat older than this many intervals counts as silent.</summary>
    public const int StaleIntervals = 3;

    public static IHostApplicationBuilder AddCollectorWatchdog(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IngestOptions>()
            .Bind(builder.Configuration.GetSection(IngestDefaults.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient("watchdog", http => http.Timeout = Timeout.InfiniteTimeSpan);
        // systemd restarts a watchdog whose checking loop stopped (deploy/systemd WatchdogSec=; decision 0028).
        builder.Services.AddSingleton(sp => new LoopBeacon(
            "collector watchdog checks", sp.GetRequiredService<IOptions<IngestOptions>>().Value.Alerts.HeartbeatInterval, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ILivenessCheck>(sp => sp.GetRequiredService<LoopBeacon>());
        builder.Services.AddHostedService<WatchdogHostedService>();
        return builder;
    }

    private sealed class WatchdogHostedService(IOptions<IngestOptions> options, IHttpClientFactory http, TimeProvider time, ILoggerFactory loggers, LoopBeacon beacon) : IHostedService, IAsyncDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        private MosquittoClient? _client;
        private Task _run = Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            var o = options.Value;
            var logger = loggers.CreateLogger<CollectorWatchdog>();
            var dispatcher = new NotificationDispatcher(logger, time);
            NotificationSenders.AddAll(dispatcher, o.Alerts.Channels, http.CreateClient("watchdog"), time);
            CollectorWatchdog? watchdog = null;
            var m = o.Mqtt;
            var clientId = m.ClientId + "-watchdog";
            _client = new MosquittoClient(
                m.Session(clientId) with
                {
                    // The active collector reads it: a watchdog that dies unseen would leave a collector failure unreported.
                    Will = CollectorWatchdog.WillOf(clientId),
                    OnMessage = (message, _) =>
                    {
                        watchdog?.OnMessage(message.Topic, message.Payload.Span);
                        return ValueTask.CompletedTask;
                    },
                },
                loggers.CreateLogger<MosquittoClient>());
            var stale = o.Alerts.HeartbeatInterval * StaleIntervals;
            watchdog = new CollectorWatchdog(_client, stale, o.Alerts.RepeatInterval, dispatcher, [], time, logger, presence: clientId, beacon: beacon);
            WatchdogLog.Started(logger, Topic.CollectorHeartbeat, stale, o.Alerts.Channels.Count);
            var token = _stopping.Token;
            _run = Task.WhenAll(
                Task.Run(() => dispatcher.RunAsync(token), CancellationToken.None),
                Task.Run(() => watchdog.RunAsync(o.Alerts.HeartbeatInterval, token), CancellationToken.None));
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            try
            {
                await _run.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the loops end quietly.
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is not null)
            {
                await _client.DisposeAsync().ConfigureAwait(false);
            }

            _stopping.Dispose();
        }
    }
}
