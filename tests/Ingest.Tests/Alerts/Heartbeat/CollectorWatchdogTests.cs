using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Heartbeat;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Tests.Alerts.Heartbeat;

/// <summary>
/// Issue 7 item 7: the watcher outside the collector, against a real broker: the collector's last will, a silent
/// heartbeat, InfluxDB down and the broker itself gone each reach on-call once, with reminders and a recovery notice.
/// </summary>
public sealed class CollectorWatchdogTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Repeat = TimeSpan.FromMinutes(15);
    private readonly TempDirectory _dir = new("watchdog");
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingNotifier _notices = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<IAsyncDisposable> _clients = [];
    private MosquittoServer _broker = null!;
    private CollectorWatchdog _watchdog = null!;
    private Task _run = Task.CompletedTask;
    private int _heartbeats;
    private int _presences;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = _dir.Path }, CancellationToken.None);
        CollectorWatchdog? watchdog = null;
        var client = Client("watchdog", onMessage: m =>
        {
            watchdog?.OnMessage(m.Topic, m.Payload.Span);
            Interlocked.Increment(ref m.Topic == Topic.CollectorHeartbeat ? ref _heartbeats : ref _presences);
        });
        watchdog = new CollectorWatchdog(client, Stale, Repeat, _notices, [], _time, NullLogger.Instance);
        _watchdog = watchdog;
        // The periodic check is driven by the test (Check()); RunAsync only connects and subscribes here.
        _run = _watchdog.RunAsync(TimeSpan.FromHours(1), _stop.Token);
        await Eventually.WaitAsync(() => client.IsConnected, Wait, "watchdog connected");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Wait);
        foreach (var c in _clients)
        {
            await c.DisposeAsync();
        }

        await _broker.DisposeAsync();
        _dir.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task CollectorLastWill_FiresCollectorDeadOnce_AliveAgainResolves()
    {
        await using var relay = new TcpRelay(_broker.Port);
        var collector = Client("collector-heartbeat", port: relay.Port, will: HeartbeatPublisher.WillOf(null));
        await collector.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishHeartbeatAsync(collector, influx: true);
        _watchdog.Check();
        Assert.Empty(_notices.Notices);

        relay.Cut(); // the collector's machine vanishes: the broker sends its last will
        await Eventually.WaitAsync(() => { _watchdog.Check(); return _watchdog.Fault == WatchdogFault.CollectorDead; }, Wait, "last will judged");
        _watchdog.Check();
        var fired = Assert.Single(_notices.Notices);
        Assert.Equal((NoticeKind.Firing, "collector_dead", "central", "collector"), (fired.Kind, fired.Alerts[0].RuleId, fired.Alerts[0].Site, fired.Alerts[0].Room));

        var revived = Client("collector-heartbeat-2");
        await revived.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishHeartbeatAsync(revived, influx: true);
        await Eventually.WaitAsync(() => { _watchdog.Check(); return _watchdog.Fault is null; }, Wait, "recovery judged");
        Assert.Equal([NoticeKind.Firing, NoticeKind.Resolved], _notices.Notices.Select(n => n.Kind));
        Assert.Equal("collector_dead", _notices.Notices.Last().Alerts[0].RuleId);
    }

    [Fact]
    public async Task StandbyTakesOver_NoticesNameTheCollectorThatDiedAndTheOneThatTookOver()
    {
        await using var relay = new TcpRelay(_broker.Port);
        var primary = Client("collector-heartbeat-a", port: relay.Port, will: HeartbeatPublisher.WillOf("a"));
        await primary.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishHeartbeatAsync(primary, influx: true, instance: "a");

        relay.Cut();
        await Eventually.WaitAsync(() => { _watchdog.Check(); return _watchdog.Fault == WatchdogFault.CollectorDead; }, Wait, "last will judged");
        var standby = Client("collector-heartbeat-b");
        await standby.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishHeartbeatAsync(standby, influx: true, instance: "b");
        await Eventually.WaitAsync(() => { _watchdog.Check(); return _watchdog.Fault is null; }, Wait, "recovery judged");

        Assert.Equal(
            [(NoticeKind.Firing, "collector a"), (NoticeKind.Resolved, "collector b took over from a")],
            _notices.Notices.Select(n => (n.Kind, n.Alerts[0].Note)));
        var resolved = NotificationText.Markdown(_notices.Notices.Last());
        Assert.Contains("Collector down (heartbeat session lost): offline, since ", resolved, StringComparison.Ordinal);
        Assert.Contains(" (collector b took over from a)", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentHeartbeat_FiresAfterStale_RemindsEveryRepeat_InfluxDownIsItsOwnFault()
    {
        var collector = Client("collector-heartbeat");
        await collector.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishHeartbeatAsync(collector, influx: false);
        _watchdog.Check();
        Assert.Null(_watchdog.Fault); // reported down for less than the stale time: a collector starting, or a blip
        _time.Advance(Stale);
        await PublishHeartbeatAsync(collector, influx: false);
        _watchdog.Check();
        Assert.Equal(WatchdogFault.InfluxDown, _watchdog.Fault);

        _time.Advance(Stale - TimeSpan.FromSeconds(1));
        _watchdog.Check();
        Assert.Equal(WatchdogFault.InfluxDown, _watchdog.Fault);
        _time.Advance(TimeSpan.FromSeconds(1));
        _watchdog.Check();
        Assert.Equal(WatchdogFault.CollectorSilent, _watchdog.Fault);
        _time.Advance(Repeat);
        _watchdog.Check();
        _watchdog.Check();

        Assert.Equal(
            [(NoticeKind.Firing, "influx_down"), (NoticeKind.Firing, "collector_silent"), (NoticeKind.Reminder, "collector_silent")],
            _notices.Notices.Select(n => (n.Kind, n.Alerts[0].RuleId)));
        Assert.Equal(3, _notices.Notices.Select(n => n.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task BrokerGone_FiresBrokerUnreachableAfterStale()
    {
        var collector = Client("collector-heartbeat");
        await collector.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishHeartbeatAsync(collector, influx: true);
        _watchdog.Check();

        _broker.Kill();
        // The clock moves only once the watchdog knows: moved before, the loss would be stamped after the move, never
        // grow stale, and the silent heartbeat be judged instead.
        await Eventually.WaitAsync(() => _watchdog.BrokerDown, Wait, "the watchdog noticing the broker gone");
        _time.Advance(Stale);
        await Eventually.WaitAsync(() => { _watchdog.Check(); return _watchdog.Fault == WatchdogFault.BrokerUnreachable; }, Wait, "broker judged unreachable");
        Assert.Equal("broker_unreachable", Assert.Single(_notices.Notices).Alerts[0].RuleId);
    }

    [Fact]
    public async Task StandbyGroup_TheOnlyStandbyDies_WarnsOnce_ReadyAgainResolves()
    {
        var a = Client("collector-heartbeat-a");
        await a.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishHeartbeatAsync(a, influx: true, instance: "a");
        await PublishPresenceAsync(a, "a", CollectorPresence.Active);
        await PublishPresenceAsync(a, "b", CollectorPresence.Standby);
        _watchdog.Check();
        Assert.Null(_watchdog.Fault);

        await PublishPresenceAsync(a, "b", CollectorPresence.Dead);
        _watchdog.Check();
        _watchdog.Check();
        Assert.Equal(WatchdogFault.NoStandby, _watchdog.Fault);
        await PublishPresenceAsync(a, "b", CollectorPresence.Standby);
        _watchdog.Check();

        Assert.Null(_watchdog.Fault);
        Assert.Equal(
            [(NoticeKind.Firing, "standby_missing", AlertSeverity.Warning, "collector b down; none stands by"), (NoticeKind.Resolved, "standby_missing", AlertSeverity.Warning, "standby b ready")],
            _notices.Notices.Select(n => (n.Kind, n.Alerts[0].RuleId, n.Alerts[0].Severity, n.Alerts[0].Note)));
    }

    [Fact]
    public async Task StandbyGroup_ActiveDiesAndTheStandbyTakesOver_CollectorBackThenNoStandbyLeft()
    {
        await using var relay = new TcpRelay(_broker.Port);
        var primary = Client("collector-heartbeat-a", port: relay.Port, will: HeartbeatPublisher.WillOf("a"));
        await primary.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishHeartbeatAsync(primary, influx: true, instance: "a");
        var group = Client("presence");
        await group.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishPresenceAsync(group, "a", CollectorPresence.Active);
        await PublishPresenceAsync(group, "b", CollectorPresence.Standby);

        relay.Cut();
        await Eventually.WaitAsync(() => { _watchdog.Check(); return _watchdog.Fault == WatchdogFault.CollectorDead; }, Wait, "last will judged");
        // b takes over: its heartbeat, its presence, and a's lease session's will.
        await PublishHeartbeatAsync(group, influx: true, instance: "b");
        await PublishPresenceAsync(group, "b", CollectorPresence.Active);
        await PublishPresenceAsync(group, "a", CollectorPresence.Dead);
        _watchdog.Check();

        Assert.Equal(WatchdogFault.NoStandby, _watchdog.Fault);
        Assert.Equal(
            [(NoticeKind.Firing, "collector_dead", "collector a"), (NoticeKind.Resolved, "collector_dead", "collector b took over from a"), (NoticeKind.Firing, "standby_missing", "collector a down; none stands by")],
            _notices.Notices.Select(n => (n.Kind, n.Alerts[0].RuleId, n.Alerts[0].Note)));
    }

    [Fact]
    public async Task DashboardLastWill_WarnsOnceBesideTheCollector_RemindsEveryRepeat_BackOnlineResolves()
    {
        var collector = Client("collector-heartbeat");
        await collector.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await using var relay = new TcpRelay(_broker.Port);
        var topic = Topic.DashboardInstance("wall-1");
        var dashboard = Client("wall-1", port: relay.Port, will: new MqttWill(topic, new ServicePresence(ServicePresence.Dead, "wall-1", 0).ToJson(), MqttQos.AtLeastOnce, true));
        await dashboard.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishDashboardAsync(dashboard, "wall-1", ServicePresence.Online);
        _watchdog.Check();
        Assert.Empty(_notices.Notices);

        relay.Cut(); // the dashboard's machine vanishes: the broker sends its last will
        await Eventually.WaitAsync(() => { _watchdog.Check(); return _watchdog.DashboardsDown.Count > 0; }, Wait, "dashboard's last will judged");
        Assert.Equal(["wall-1"], _watchdog.DashboardsDown);
        _watchdog.Check();
        _time.Advance(Repeat);
        await PublishHeartbeatAsync(collector, influx: true); // the collector is fine throughout: its own track stays quiet
        _watchdog.Check();
        Assert.Null(_watchdog.Fault);
        var revived = Client("wall-1-again");
        await revived.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishDashboardAsync(revived, "wall-1", ServicePresence.Online);
        _watchdog.Check();

        Assert.Empty(_watchdog.DashboardsDown);
        Assert.Equal(
            [(NoticeKind.Firing, "dashboard wall-1"), (NoticeKind.Reminder, "dashboard wall-1"), (NoticeKind.Resolved, "dashboard wall-1 is back")],
            _notices.Notices.Select(n => (n.Kind, n.Alerts[0].Note)));
        Assert.All(_notices.Notices, n => Assert.Equal(("dashboard_down", AlertSeverity.Warning, "central", "dashboard"), (n.Alerts[0].RuleId, n.Alerts[0].Severity, n.Alerts[0].Site, n.Alerts[0].Room)));
        Assert.Contains("Dashboard down (no room wall; schedule changes do not reach the edges)", NotificationText.Markdown(_notices.Notices.First()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboards_StoppedOnPurposeOrClearedOrGarbled_PageNobody_TwoDownAreOneAlert()
    {
        var collector = Client("collector-heartbeat");
        await collector.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await PublishHeartbeatAsync(collector, influx: true);
        await PublishDashboardAsync(collector, "wall-1", ServicePresence.Stopped);
        await PublishRawAsync(collector, Topic.DashboardInstance("wall-2"), "{\"state\":\"asleep\",\"instance\":\"wall-2\"}"u8.ToArray());
        _watchdog.Check();
        Assert.Empty(_notices.Notices);

        await PublishDashboardAsync(collector, "wall-1", ServicePresence.Dead);
        await PublishDashboardAsync(collector, "wall-2", ServicePresence.Dead);
        _watchdog.Check();
        Assert.Equal(["wall-1", "wall-2"], _watchdog.DashboardsDown);
        await PublishDashboardAsync(collector, "wall-1", ServicePresence.Stopped);
        _watchdog.Check();
        await PublishRawAsync(collector, Topic.DashboardInstance("wall-2"), []); // an operator retires wall-2
        _watchdog.Check();

        Assert.Equal(
            [(NoticeKind.Firing, "dashboards wall-1, wall-2"), (NoticeKind.Resolved, "dashboard wall-2 was cleared")],
            _notices.Notices.Select(n => (n.Kind, n.Alerts[0].Note)));
    }

    [Fact]
    public async Task PausedWatchdog_JudgesNothingOnItsLateTick_ThenAfreshOnePeriodLater()
    {
        var every = TimeSpan.FromSeconds(10);
        var heartbeats = 0;
        CollectorWatchdog? paused = null;
        var client = Client("watchdog-paused", onMessage: m =>
        {
            paused?.OnMessage(m.Topic, m.Payload.Span);
            Interlocked.Increment(ref heartbeats);
        });
        var notices = new RecordingNotifier();
        var clock = new PausableTime(_time);
        paused = new CollectorWatchdog(client, Stale, Repeat, notices, [], clock, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = paused.RunAsync(every, stop.Token);
        await Eventually.WaitAsync(() => client.IsConnected, Wait, "the paused watchdog connected");
        var collector = Client("collector-heartbeat");
        await collector.ConnectAsync(CancellationToken.None).WaitAsync(Wait);

        async Task TickAsync(TimeSpan by)
        {
            var rounds = paused.Rounds;
            _time.Advance(by);
            await Eventually.WaitAsync(() => paused.Rounds > rounds, Wait, "a tick");
        }

        async Task HeartbeatAsync()
        {
            var before = Volatile.Read(ref heartbeats);
            await collector.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Alive(_time.GetUtcNow(), true), MqttQos.AtLeastOnce, retain: true, CancellationToken.None).WaitAsync(Wait);
            await Eventually.WaitAsync(() => Volatile.Read(ref heartbeats) > before, Wait, "heartbeat delivered");
        }

        await HeartbeatAsync();
        await TickAsync(every);
        Assert.Null(paused.Fault);

        // The watchdog is frozen for two minutes: no tick meanwhile, one when it runs again; its last heartbeat is that old.
        var before = paused.Rounds;
        clock.Paused = true;
        _time.Advance(TimeSpan.FromMinutes(2));
        clock.Resume();
        await Eventually.WaitAsync(() => paused.Rounds > before, Wait, "the tick on resuming");
        Assert.Null(paused.Fault);
        await HeartbeatAsync(); // what its session reads once it runs again
        await TickAsync(every);
        Assert.Null(paused.Fault);
        Assert.Empty(notices.Notices);

        // Judging carries on as before: a collector that really falls silent is reported after the stale time.
        for (var elapsed = TimeSpan.Zero; elapsed < Stale; elapsed += every)
        {
            await TickAsync(every);
        }

        Assert.Equal(WatchdogFault.CollectorSilent, paused.Fault);
        await stop.CancelAsync();
        await run.WaitAsync(Wait);
    }

    private Task PublishDashboardAsync(MosquittoClient client, string instance, string state) =>
        PublishRawAsync(client, Topic.DashboardInstance(instance), new ServicePresence(state, instance, _time.GetUtcNow().ToUnixTimeMilliseconds()).ToJson());

    private async Task PublishRawAsync(MosquittoClient client, string topic, byte[] payload)
    {
        var before = Volatile.Read(ref _presences);
        await client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain: true, CancellationToken.None).WaitAsync(Wait);
        await Eventually.WaitAsync(() => Volatile.Read(ref _presences) > before, Wait, "presence delivered to the watchdog");
    }

    private async Task PublishPresenceAsync(MosquittoClient client, string instance, string role)
    {
        var before = Volatile.Read(ref _presences);
        var presence = new CollectorPresence(role, instance, _time.GetUtcNow().ToUnixTimeMilliseconds());
        await client.PublishAsync(Topic.CollectorInstance(instance), presence.ToJson(), MqttQos.AtLeastOnce, retain: true, CancellationToken.None).WaitAsync(Wait);
        await Eventually.WaitAsync(() => Volatile.Read(ref _presences) > before, Wait, "presence delivered to the watchdog");
    }

    private async Task PublishHeartbeatAsync(MosquittoClient client, bool influx, string? instance = null)
    {
        var before = Volatile.Read(ref _heartbeats);
        await client.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Alive(_time.GetUtcNow(), influx, instance), MqttQos.AtLeastOnce, retain: true, CancellationToken.None).WaitAsync(Wait);
        await Eventually.WaitAsync(() => Volatile.Read(ref _heartbeats) > before, Wait, "heartbeat delivered to the watchdog");
    }

    [Fact]
    public async Task Beacon_EachRoundTellsIt_StoppingDisarmsIt()
    {
        // The loop's clock and the beacon's are separate here, so the beacon's silence can be aged without a round.
        var loopTime = new FakeTimeProvider();
        var beaconTime = new FakeTimeProvider();
        var beacon = new LiveRoom.Runtime.Hosting.Watchdog.LoopBeacon("collector watchdog checks", TimeSpan.FromSeconds(10), beaconTime);
        using var stop = new CancellationTokenSource();
        var watchdog = new CollectorWatchdog(Client("watchdog-beacon"), Stale, Repeat, new RecordingNotifier(), [], loopTime, NullLogger.Instance, beacon: beacon);
        var run = watchdog.RunAsync(TimeSpan.FromSeconds(10), stop.Token);

        await Eventually.WaitAsync(() => { loopTime.Advance(TimeSpan.FromSeconds(10)); return watchdog.Rounds > 0; }, Wait, "a round");
        beaconTime.Advance(TimeSpan.FromSeconds(31));
        Assert.StartsWith("no round for 31 s", await beacon.CheckAsync(CancellationToken.None), StringComparison.Ordinal);
        loopTime.Advance(TimeSpan.FromSeconds(10));
        await Eventually.WaitAsync(() => beacon.CheckAsync(CancellationToken.None).Result is null, Wait, "the next round told the beacon");

        await stop.CancelAsync();
        await run.WaitAsync(Wait);
        beaconTime.Advance(TimeSpan.FromHours(1));
        Assert.Null(await beacon.CheckAsync(CancellationToken.None)); // stopped on purpose: not hung
    }

    private MosquittoClient Client(string id, int? port = null, MqttWill? will = null, Action<MqttMessage>? onMessage = null)
    {
        var client = new MosquittoClient(new MqttClientOptions
        {
            Host = _broker.Host,
            Port = port ?? _broker.Port,
            ClientId = id,
            Will = will,
            OnMessage = (m, _) =>
            {
                onMessage?.Invoke(m);
                return ValueTask.CompletedTask;
            },
        });
        _clients.Add(client);
        return client;
    }
}
