using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Alerts.Heartbeat;

/// <summary>
/// Dead-man's switch, watcher side (issue 7 item 7): runs outside the collector (<c>liveroom-ingest watchdog</c>, its own
/// unit, ideally its own machine), reads the collector's retained heartbeat and tells the on-call people through the same
/// channels when the collector is dead or silent, when it reports InfluxDB down, or when the broker itself cannot be
/// reached — and again when it recovers. A reminder repeats every <c>repeat</c> while the fault lasts.
/// </summary>
public sealed class CollectorWatchdog
{
    private readonly IMqttClient _client;
    private readonly HeartbeatWatchdog _heartbeat;
    private readonly INotifier _notifier;
    private readonly IReadOnlyList<RotaEntry> _recipients;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _staleAfter;
    private readonly TimeSpan _repeat;
    private readonly Lock _lock = new();
    private DateTimeOffset _brokerLostAt;
    private bool _brokerDown;
    private WatchdogFault? _fault;
    private DateTimeOffset _faultSince;
    private string? _faultInstance;
    private DateTimeOffset _lastNotice;
    private int _notices;

    public CollectorWatchdog(IMqttClient client, TimeSpan staleAfter, TimeSpan repeat, INotifier notifier, IReadOnlyList<RotaEntry> recipients, TimeProvider time, ILogger logger)
    {
        _client = client;
        _staleAfter = staleAfter;
        _repeat = repeat;
        _notifier = notifier;
        _recipients = recipients;
        _time = time;
        _logger = logger;
        _heartbeat = new HeartbeatWatchdog(staleAfter, time);
        _brokerLostAt = time.GetUtcNow();
        _brokerDown = true;
        client.ConnectionChanged += (_, e) => OnConnection(e.Connected);
    }

    /// <summary>The fault being reported now, if any.</summary>
    public WatchdogFault? Fault
    {
        get
        {
            lock (_lock)
            {
                return _fault;
            }
        }
    }

    /// <summary>Feeds one heartbeat payload (the subscription handler).</summary>
    public void OnHeartbeat(ReadOnlySpan<byte> payload) => _heartbeat.OnHeartbeat(payload);

    /// <summary>Connects (retrying; an unreachable broker is itself a fault), subscribes to the heartbeat and checks every <paramref name="every"/>.</summary>
    public async Task RunAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        var connect = Task.Run(() => ConnectAsync(every, cancellationToken), CancellationToken.None);
        using var timer = new PeriodicTimer(every, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Check();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await connect.ConfigureAwait(false);
    }

    /// <summary>One judgement: notices on a new fault, on a reminder due, and on recovery.</summary>
    public void Check()
    {
        var now = _time.GetUtcNow();
        AlertNotice? notice;
        lock (_lock)
        {
            var fault = Judge(now);
            notice = Transition(fault, now);
        }

        if (notice is not null)
        {
            WatchdogLog.Notice(_logger, notice.Kind.ToString(), notice.Alerts[0].Title);
            _notifier.Enqueue(notice);
        }
    }

    private WatchdogFault? Judge(DateTimeOffset now)
    {
        if (_brokerDown)
        {
            return now - _brokerLostAt >= _staleAfter ? WatchdogFault.BrokerUnreachable : _fault;
        }

        return _heartbeat.Check() switch
        {
            HeartbeatWatchdog.Verdict.Dead => WatchdogFault.CollectorDead,
            HeartbeatWatchdog.Verdict.Stale => WatchdogFault.CollectorSilent,
            HeartbeatWatchdog.Verdict.InfluxDown => WatchdogFault.InfluxDown,
            _ => null,
        };
    }

    private AlertNotice? Transition(WatchdogFault? fault, DateTimeOffset now)
    {
        if (fault == _fault)
        {
            if (fault is null || now - _lastNotice < _repeat)
            {
                return null;
            }

            _lastNotice = now;
            return Notice(NoticeKind.Reminder, fault.Value, _faultSince, now, Who(fault.Value, _faultInstance, null));
        }

        var previous = _fault;
        var previousSince = _faultSince;
        var previousInstance = _faultInstance;
        _fault = fault;
        _faultSince = now;
        _faultInstance = _heartbeat.Instance;
        _lastNotice = now;
        return fault is { } f
            ? Notice(NoticeKind.Firing, f, now, now, Who(f, _faultInstance, null))
            : Notice(NoticeKind.Resolved, previous!.Value, previousSince, now, Who(previous.Value, previousInstance, _heartbeat.Instance));
    }

    // With primary/standby collectors the heartbeat names the instance: say which one failed, and on recovery whether
    // a standby took over (on-call then knows a machine is down although nothing is missing).
    private static string? Who(WatchdogFault fault, string? failed, string? alive)
    {
        if (fault is not (WatchdogFault.CollectorDead or WatchdogFault.CollectorSilent) || failed is null)
        {
            return null;
        }

        return alive is null ? $"collector {failed}"
            : alive == failed ? $"collector {failed} is back"
            : $"collector {alive} took over from {failed}";
    }

    private AlertNotice Notice(NoticeKind kind, WatchdogFault fault, DateTimeOffset since, DateTimeOffset now, string? note)
    {
        var (rule, title) = WatchdogFaults.Describe(fault);
        var id = $"watchdog-{rule}-{since.ToUnixTimeMilliseconds()}";
        var snapshot = new AlertSnapshot(
            id, rule, title, AlertSeverity.Critical, "central", "collector",
            kind == NoticeKind.Resolved ? AlertState.Resolved : AlertState.Firing,
            null, RuleOperator.Offline, 0, since, since, null, null, kind == NoticeKind.Resolved ? now : null, note, 0, null);
        _notices++;
        return new AlertNotice(kind, "central/collector", [snapshot], _recipients, new Dictionary<string, string>(), $"{id}-{kind}-{_notices}", now);
    }

    private void OnConnection(bool connected)
    {
        lock (_lock)
        {
            if (!connected && !_brokerDown)
            {
                _brokerLostAt = _time.GetUtcNow();
            }

            _brokerDown = !connected;
        }
    }

    private async Task ConnectAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                OnConnection(true);
                await _client.SubscribeAsync(AlertDefaults.HeartbeatTopic, MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (MqttException ex)
            {
                WatchdogLog.ConnectFailed(_logger, ex.Message);
            }

            try
            {
                await Task.Delay(every, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
