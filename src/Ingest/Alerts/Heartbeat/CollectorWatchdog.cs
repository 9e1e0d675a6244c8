using LiveRoom.Runtime.Hosting.Watchdog;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
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
/// reached — and again when it recovers. With primary/standby collectors it also reads each one's presence
/// (<see cref="CollectorGroup"/>) and warns when a member died and none stands by to take over
/// (<see cref="WatchdogFault.NoStandby"/>, only while the collector itself is fine). A reminder repeats every
/// <c>repeat</c> while the fault lasts. Beside the collector it watches the dashboards' presences
/// (<see cref="PresenceWatch"/>, <see cref="WatchdogFault.DashboardDown"/>), an alert of its own, and says it is there
/// itself (<see cref="Topic.WatchdogInstance"/>: online after each connect, stopped on a clean stop, dead as the will the
/// host gives its session) so that the active collector can tell when nobody watches it.
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
    private readonly CollectorGroup _group = new();
    private const int LateTicks = 3;
    private readonly string? _presence;
    private readonly LoopBeacon? _beacon;
    private long _rounds;
    private readonly PresenceWatch _dashboards = new("dashboard", Topic.DashboardInstancePrefix);

    /// <remarks>presence: this watchdog's client id, announced on <see cref="Topic.WatchdogInstance"/> (give the session <see cref="WillOf"/> of it); null: not announced.</remarks>
    /// <remarks>beacon: told each round, so systemd restarts a watchdog whose checking stopped (<see cref="LoopBeacon"/>); null: none.</remarks>
    public CollectorWatchdog(IMqttClient client, TimeSpan staleAfter, TimeSpan repeat, INotifier notifier, IReadOnlyList<RotaEntry> recipients, TimeProvider time, ILogger logger, string? presence = null, LoopBeacon? beacon = null)
    {
        _beacon = beacon;
        _presence = presence;
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
        client.ConnectionChanged += (_, e) =>
        {
            OnConnection(e.Connected);
            if (e.Connected && _presence is not null)
            {
                // After every connect: a broker restored from an older snapshot may have lost it.
                _ = AnnounceAsync(ServicePresence.Online, CancellationToken.None);
            }
        };
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

    /// <summary>The last will of the watchdog session whose client id is <paramref name="clientId"/>: it says dead.</summary>
    public static MqttWill WillOf(string clientId) =>
        new(Topic.WatchdogInstance(clientId), new ServicePresence(ServicePresence.Dead, clientId, 0).ToJson(), MqttQos.AtLeastOnce, Retain: true);

    /// <summary>Ticks of <see cref="RunAsync"/> so far, judged or skipped (for tests that must know one has passed).</summary>
    internal long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>Whether the watchdog's own connection to the broker is lost (for tests that must know it noticed).</summary>
    internal bool BrokerDown
    {
        get
        {
            lock (_lock)
            {
                return _brokerDown;
            }
        }
    }

    /// <summary>The dashboards reported down now, by client id.</summary>
    public IReadOnlyList<string> DashboardsDown => _dashboards.Down;

    /// <summary>Feeds one heartbeat payload.</summary>
    public void OnHeartbeat(ReadOnlySpan<byte> payload) => _heartbeat.OnHeartbeat(payload);

    /// <summary>The subscription handler: the heartbeat, or a collector's presence (an empty one removes it from the group).</summary>
    public void OnMessage(string topic, ReadOnlySpan<byte> payload)
    {
        if (topic == Topic.CollectorHeartbeat)
        {
            OnHeartbeat(payload);
            return;
        }

        string? reason = null;
        if (topic.StartsWith(Topic.CollectorInstancePrefix, StringComparison.Ordinal))
        {
            reason = _group.Apply(topic, payload, _time.GetUtcNow(), retained: false);
        }
        else if (topic.StartsWith(Topic.DashboardInstancePrefix, StringComparison.Ordinal))
        {
            reason = _dashboards.Apply(topic, payload);
        }

        if (reason is not null)
        {
            WatchdogLog.PresenceIgnored(_logger, topic, reason);
        }
    }

    /// <summary>Connects (retrying; an unreachable broker is itself a fault), subscribes to the heartbeat and checks every <paramref name="every"/>.</summary>
    public async Task RunAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        var connect = Task.Run(() => ConnectAsync(every, cancellationToken), CancellationToken.None);
        using var timer = new PeriodicTimer(every, _time);
        var pauses = new PauseDetector(_time, every * LateTicks);
        var judgeFrom = DateTimeOffset.MinValue;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                // This watchdog itself was paused: judging at once reported a healthy collector silent. Judge again one
                // period later: by then its session has read what waited in the socket, or noticed the dead link and got
                // the retained heartbeat again.
                var now = _time.GetUtcNow();
                if (pauses.Paused() is not null)
                {
                    judgeFrom = now + every;
                    WatchdogLog.Resumed(_logger);
                }

                Interlocked.Increment(ref _rounds);
                _beacon?.Beat();
                if (now >= judgeFrom)
                {
                    Check();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _beacon?.Stop();
        }

        await connect.ConfigureAwait(false);
        if (_presence is not null && _client.IsConnected)
        {
            // Stopped on purpose: the collector pages nobody for it. The clean disconnect drops the will, which closing
            // the socket (disposing the client) would send after it.
            using var bye = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await AnnounceAsync(ServicePresence.Stopped, bye.Token).ConfigureAwait(false);
            try
            {
                await _client.DisconnectAsync(bye.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttException or OperationCanceledException)
            {
                WatchdogLog.AnnounceFailed(_logger, "disconnected", ex.Message);
            }
        }
    }

    /// <summary>One judgement: notices on a new fault, on a reminder due, and on recovery.</summary>
    public void Check()
    {
        var now = _time.GetUtcNow();
        List<AlertNotice> notices;
        lock (_lock)
        {
            var fault = Judge(now);
            notices = Transition(fault, now);
            // What the broker last said about the dashboards; while it is unreachable nothing new is known.
            if (!_brokerDown && _dashboards.Step(now, _repeat) is { } dashboards)
            {
                notices.Add(Notice(dashboards.Kind, WatchdogFault.DashboardDown, dashboards.Since, now, dashboards.Note));
            }
        }

        foreach (var notice in notices)
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
            _ when _group.DeadWithoutStandby().Count > 0 => WatchdogFault.NoStandby,
            _ => null,
        };
    }

    /// <summary>Which collector a fault is about: the one the heartbeat names, or for a missing standby the dead members.</summary>
    private string? Subject(WatchdogFault? fault) =>
        fault == WatchdogFault.NoStandby ? string.Join(", ", _group.DeadWithoutStandby().Select(m => m.Instance)) : _heartbeat.Instance;

    private List<AlertNotice> Transition(WatchdogFault? fault, DateTimeOffset now)
    {
        if (fault == _fault)
        {
            if (fault is null || now - _lastNotice < _repeat)
            {
                return [];
            }

            _lastNotice = now;
            return [Notice(NoticeKind.Reminder, fault.Value, _faultSince, now, Who(fault.Value, _faultInstance, null))];
        }

        var previous = _fault;
        var previousSince = _faultSince;
        var previousInstance = _faultInstance;
        _fault = fault;
        _faultSince = now;
        _faultInstance = Subject(fault);
        _lastNotice = now;
        if (fault is not { } f)
        {
            return [Notice(NoticeKind.Resolved, previous!.Value, previousSince, now, Who(previous.Value, previousInstance, _heartbeat.Instance))];
        }

        // The collector itself recovered (e.g. a standby took over) but left the group without a standby: say both.
        return previous is { } p && p != WatchdogFault.NoStandby && f == WatchdogFault.NoStandby
            ? [Notice(NoticeKind.Resolved, p, previousSince, now, Who(p, previousInstance, _heartbeat.Instance)), Notice(NoticeKind.Firing, f, now, now, Who(f, _faultInstance, null))]
            : [Notice(NoticeKind.Firing, f, now, now, Who(f, _faultInstance, null))];
    }

    // With primary/standby collectors the heartbeat names the instance: say which one failed, and on recovery whether
    // a standby took over (on-call then knows a machine is down although nothing is missing).
    private string? Who(WatchdogFault fault, string? failed, string? alive)
    {
        if (fault == WatchdogFault.NoStandby)
        {
            var ready = _group.Standbys();
            return alive is null ? $"collector {failed} down; none stands by"
                : ready.Count > 0 ? $"standby {string.Join(", ", ready)} ready"
                : $"collector {failed} no longer counted";
        }

        if (fault is not (WatchdogFault.CollectorDead or WatchdogFault.CollectorSilent) || failed is null)
        {
            return null;
        }

        return alive is null ? $"collector {failed}"
            : alive == failed ? $"collector {failed} is back"
            : $"collector {alive} took over from {failed}";
    }

    private AlertNotice Notice(NoticeKind kind, WatchdogFault fault, DateTimeOffset since, DateTimeOffset now, string? note) =>
        WatchdogFaults.Notice(kind, fault, since, now, note, _recipients, ++_notices);

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

    private async Task AnnounceAsync(string state, CancellationToken cancellationToken)
    {
        try
        {
            var presence = new ServicePresence(state, _presence!, _time.GetUtcNow().ToUnixTimeMilliseconds());
            await _client.PublishAsync(Topic.WatchdogInstance(_presence!), presence.ToJson(), MqttQos.AtLeastOnce, retain: true, cancellationToken)
                .WaitAsync(_staleAfter, _time, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttException or TimeoutException or OperationCanceledException)
        {
            WatchdogLog.AnnounceFailed(_logger, state, ex.Message);
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
                await _client.SubscribeAsync(Topic.CollectorHeartbeat, MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
                await _client.SubscribeAsync(Topic.CollectorInstances, MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
                try
                {
                    await _client.SubscribeAsync(Topic.DashboardInstances, MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
                }
                catch (MqttSubscribeException ex)
                {
                    // Security files from before dashboards announced themselves: keep watching the collector.
                    WatchdogLog.DashboardsUnwatched(_logger, ex.Message);
                }

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
