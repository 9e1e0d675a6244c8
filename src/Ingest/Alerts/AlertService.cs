using System.Security.Cryptography.X509Certificates;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts.Acknowledging;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Heartbeat;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Replication;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Store;
using LiveRoom.Ingest.Security;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Alerts;

/// <summary>
/// Alerting inside the collector: store, evaluator (the collector's <see cref="IBatchObserver"/>), engine, senders,
/// acknowledgement page and heartbeat, started and stopped together.
/// </summary>
public sealed class AlertService : IAsyncDisposable
{
    private readonly AlertOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<Func<MqttMessage, CancellationToken, ValueTask>, IMqttClient>? _heartbeatClient;
    private readonly PresenceWatch _watchdogs = new("watchdog", Topic.WatchdogInstancePrefix);
    private int _watchdogNotices;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly AlertHttpEndpoint _http;
    private IMqttClient? _heartbeat;
    private string _linkBase;

    /// <remarks>
    /// heartbeatClient: Creates the heartbeat's own MQTT session (with <see cref="HeartbeatPublisher.WillOf"/>) with the
    /// given message handler (the watchdogs' presences arrive through it); null: no heartbeat.
    /// </remarks>
    public AlertService(AlertOptions options, string stateDirectory, HttpClient http, ILoggerFactory? loggers = null, TimeProvider? time = null, IRoomStateProvider? rooms = null, Func<Func<MqttMessage, CancellationToken, ValueTask>, IMqttClient>? heartbeatClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = loggers?.CreateLogger<AlertService>() ?? (ILogger)NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _heartbeatClient = heartbeatClient;
        _linkBase = (options.PublicUrl ?? options.HttpUrl).TrimEnd('/');
        Store = new AlertStore(options.ResolveStorePath(stateDirectory));
        Incidents = new IncidentLog(Store);
        Incidents.Load();
        Rota = new OnCallRota();
        Rota.Set(Store.LoadRota());
        Signer = AckTokenSigner.FromSecret(options.TokenSecret, _time);
        Dispatcher = new NotificationDispatcher(_logger, _time);
        NotificationSenders.AddAll(Dispatcher, options.Channels, http, _time);

        var sink = new ForwardingSink();
        Evaluator = new RuleEvaluator(Store.LoadRules(), sink, _time);
        Engine = new AlertEngine(options, rooms ?? new LifecycleRoomStateProvider(Evaluator.States, new StreamRoomStateProvider(Evaluator, _time, options.LiveGrace)), Rota, Incidents, Dispatcher, Link, _time);
        sink.Target = Engine;
        foreach (var silence in Store.LoadSilences(_time.GetUtcNow()))
        {
            Engine.AddSilence(silence);
        }

        Acknowledger = new AlertAcknowledger(Engine, Signer, _logger);
        Admin = new AlertAdmin(Store, Evaluator, Engine, Rota, _time, new ChannelTester(Dispatcher, Rota, _time));
        _http = new AlertHttpEndpoint(Acknowledger, Engine, Incidents, Admin, options.AdminToken, Evaluator.Thumbnails, string.IsNullOrEmpty(options.DashboardUrl) ? null : options.DashboardUrl);
    }

    public AlertStore Store { get; }

    public IncidentLog Incidents { get; }

    public OnCallRota Rota { get; }

    public AckTokenSigner Signer { get; }

    public NotificationDispatcher Dispatcher { get; }

    public RuleEvaluator Evaluator { get; }

    public AlertEngine Engine { get; }

    public AlertAcknowledger Acknowledger { get; }

    public AlertAdmin Admin { get; }

    /// <summary>Where the acknowledgement page listens (null without a listener).</summary>
    public Uri? HttpAddress => _http.Address;

    /// <summary>
    /// Named in the heartbeat when collectors run primary/standby (null for a single collector); with it the alert
    /// configuration is published for the standbys (<see cref="ConfigurationPublisher"/>).
    /// </summary>
    public string? Instance { get; set; }

    /// <summary>
    /// Whether <see cref="StopAsync"/> publishes "stopped" on the heartbeat topic. False when this collector steps down
    /// for another that is active: the retained heartbeat is that one's now.
    /// </summary>
    public bool AnnounceStop { get; set; } = true;

    /// <summary>Reported in the heartbeat; the host sets it to whether the collector's points reach InfluxDB now.</summary>
    public Func<bool> InfluxHealthy { get; set; } = () => true;

    /// <summary>Reported in the heartbeat: write batches waiting in the collector's spill buffer.</summary>
    public Func<long> SpillPending { get; set; } = () => 0;

    /// <summary>The watchdogs reported down now, by client id (decision 0026).</summary>
    public IReadOnlyList<string> WatchdogsDown => _watchdogs.Down;

    /// <summary>
    /// One judgement of the watchdogs' presences (every heartbeat interval while this collector is active): a watchdog
    /// whose last will arrived means nobody would be told if this collector failed; notices go out on the alert channels.
    /// </summary>
    public void CheckWatchdogs()
    {
        var now = _time.GetUtcNow();
        if (_watchdogs.Step(now, _options.RepeatInterval) is { } step)
        {
            var notice = WatchdogFaults.Notice(step.Kind, WatchdogFault.WatchdogDown, step.Since, now, step.Note, [], Interlocked.Increment(ref _watchdogNotices));
            AlertLog.WatchdogNotice(_logger, notice.Kind.ToString(), notice.Alerts[0].Title, notice.Alerts[0].Note ?? string.Empty);
            Dispatcher.Enqueue(notice);
        }
    }

    /// <summary>The signed link of an alert's page.</summary>
    public string Link(string alertId) => _linkBase + "/alerts/" + Signer.Create(alertId, _options.TokenLifetime);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_options.HttpUrl))
        {
            try
            {
                var tls = _options.HttpUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    ? HttpsCertificate.Load(_options.CertFile!, _options.KeyFile!)
                    : ((X509Certificate2, X509Certificate2Collection)?)null;
                await _http.StartAsync(_options.HttpUrl, tls, cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrEmpty(_options.PublicUrl))
                {
                    _linkBase = _http.Address!.ToString().TrimEnd('/');
                }

                AlertLog.Listening(_logger, _http.Address!.ToString());
            }
            catch (IOException ex)
            {
                // The port is taken (a second collector on this machine): alerts still go out; only the page is missing.
                AlertLog.ListenFailed(_logger, _options.HttpUrl, ex.Message);
            }
        }

        // After a restart, or on taking over from the active collector: the alerts it left open carry on here.
        var adopted = Engine.Adopt(Incidents.Query(new IncidentFilter()), Evaluator.Rules);
        if (adopted > 0)
        {
            AlertLog.Adopted(_logger, adopted, _options.AdoptGrace);
        }

        var stopping = _stopping.Token;
        _loops.Add(Guard("engine", Engine.RunAsync(stopping)));
        _loops.Add(Guard("notifications", Dispatcher.RunAsync(stopping)));
        if (_heartbeatClient is not null)
        {
            _heartbeat = _heartbeatClient(OnHeartbeatSessionMessage);
            _loops.Add(Guard("heartbeat", new HeartbeatPublisher(_heartbeat, _options.HeartbeatInterval, () => InfluxHealthy(), _logger, _time, Instance, () => SpillPending()).RunAsync(stopping)));
            _loops.Add(Guard("watchdog presence", WatchWatchdogsAsync(_heartbeat, stopping)));
            if (Instance is { } instance)
            {
                // Primary/standby: the standbys follow this collector's alert configuration and keep its incident records.
                var publisher = new ConfigurationPublisher(_heartbeat, () => Admin.Configuration(instance), _logger, _time);
                Admin.ConfigurationChanged += (_, _) => publisher.Changed();
                _loops.Add(Guard("configuration", publisher.RunAsync(stopping)));
                var records = new IncidentPublisher(_heartbeat, Incidents, instance, TimeSpan.FromDays(_options.IncidentCopyDays), _logger, _time);
                Incidents.Recorded += records.Changed;
                _loops.Add(Guard("incident records", records.RunAsync(stopping)));
            }
        }
    }

    private ValueTask OnHeartbeatSessionMessage(MqttMessage message, CancellationToken cancellationToken)
    {
        if (message.Topic.StartsWith(Topic.WatchdogInstancePrefix, StringComparison.Ordinal) && _watchdogs.Apply(message.Topic, message.Payload.Span) is { } reason)
        {
            AlertLog.WatchdogPresenceIgnored(_logger, message.Topic, reason);
        }

        return ValueTask.CompletedTask;
    }

    private async Task WatchWatchdogsAsync(IMqttClient session, CancellationToken cancellationToken)
    {
        try
        {
            // Sent once the heartbeat session is connected; renewed by the client after each reconnect.
            await session.SubscribeAsync(Topic.WatchdogInstances, MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        }
        catch (MqttException ex)
        {
            AlertLog.WatchdogsUnwatched(_logger, ex.Message);
            return;
        }

        using var timer = new PeriodicTimer(_options.HeartbeatInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            CheckWatchdogs();
        }
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _loops.Clear();
        await _http.DisposeAsync().ConfigureAwait(false);
        if (_heartbeat is not null)
        {
            // A clean stop: the broker does not send the will, so say it ourselves.
            try
            {
                if (AnnounceStop)
                {
                    await _heartbeat.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Stopped(Instance), MqttQos.AtLeastOnce, true, CancellationToken.None).ConfigureAwait(false);
                }

                await _heartbeat.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (MqttException ex)
            {
                AlertLog.HeartbeatFailed(_logger, ex.Message);
            }

            await _heartbeat.DisposeAsync().ConfigureAwait(false);
            _heartbeat = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync().ConfigureAwait(false);
        }

        Store.Dispose();
        _stopping.Dispose();
    }

    private async Task Guard(string name, Task loop)
    {
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            AlertLog.LoopFailed(_logger, name, ex);
        }
    }

    /// <summary>Lets the evaluator be built before the engine it posts to.</summary>
    private sealed class ForwardingSink : IConditionSink
    {
        public AlertEngine? Target { get; set; }

        public void Post(in ConditionChange change) => Target?.Post(change);
    }
}
