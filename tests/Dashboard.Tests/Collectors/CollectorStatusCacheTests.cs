using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Collectors;
using Microsoft.Extensions.Logging.Abstractions;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Collectors;

/// <summary>What the wall says about collection, from the collector's heartbeats as the dashboard receives them.</summary>
public sealed class CollectorStatusCacheTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero));
    private readonly CollectorStatusCache _cache;

    public CollectorStatusCacheTests() => _cache = new CollectorStatusCache(_time, NullLogger<CollectorStatusCache>.Instance);

    [Fact]
    public void View_NoHeartbeatYet_UnknownAndSaysNothingIsCollected()
    {
        var view = _cache.View(linkProblem: null);

        Assert.Equal(CollectorStates.Unknown, view.State);
        Assert.False(view.Healthy);
        Assert.Contains("not being collected", view.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void View_RetainedAliveOnConnect_RunningWithNoClaimAboutWhenItBegan()
    {
        _cache.Handle(Alive("a"), retained: true);

        var view = _cache.View(null);

        Assert.Empty(view.Group);
        Assert.Equal(new CollectorStatusView(CollectorStates.Running, "a", null, _time.GetUtcNow(), null, "collector a is running") { Group = view.Group }, view);
        Assert.True(view.Healthy);
    }

    [Fact]
    public void View_LastWillAfterAlive_DownSinceItArrivedWithTheLastHeartbeatKept()
    {
        _cache.Handle(Alive("a"), retained: true);
        var lastAlive = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(4));

        _cache.Handle(CollectorHeartbeat.Dead("a"), retained: false);
        _time.Advance(TimeSpan.FromMinutes(5));
        var view = _cache.View(null);

        Assert.Equal(CollectorStates.Down, view.State);
        Assert.Equal("a", view.Instance);
        Assert.Equal(lastAlive.AddSeconds(4), view.Since);
        Assert.Equal(lastAlive, view.LastHeartbeatAt);
        Assert.Equal("collector a is down (its connection to the broker was lost at 2026-11-23 04:00:04Z): new metrics are not being stored; edges keep them until it is back", view.Message);
    }

    [Fact]
    public void View_CleanStopOfASingleCollector_StoppedAndUnnamed()
    {
        _cache.Handle(Alive(null), retained: false);
        _cache.Handle(CollectorHeartbeat.Stopped(), retained: false);

        var view = _cache.View(null);

        Assert.Equal(CollectorStates.Stopped, view.State);
        Assert.Null(view.Instance);
        Assert.StartsWith("the collector was stopped at ", view.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void View_HeartbeatsStop_SilentOnlyAfterThreeOfItsOwnIntervals()
    {
        _cache.Handle(CollectorHeartbeat.Alive(_time.GetUtcNow(), influx: true, "a", TimeSpan.FromSeconds(2)), retained: false);
        var lastAlive = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromSeconds(6));
        var onTheEdge = _cache.View(null);
        _time.Advance(TimeSpan.FromSeconds(1));
        var silent = _cache.View(null);

        Assert.Equal(CollectorStates.Running, onTheEdge.State);
        Assert.Equal(CollectorStates.Silent, silent.State);
        Assert.Equal(lastAlive.AddSeconds(2), silent.Since);
        Assert.Equal(lastAlive, silent.LastHeartbeatAt);
        Assert.Equal("collector a has not sent a heartbeat for 7 s (every 2 s expected): it may be hung; data may be stale", silent.Message);
    }

    [Fact]
    public void View_OlderCollectorWithoutInterval_AssumesTheDefaultTenSeconds()
    {
        _cache.Handle("""{"status":"alive","ts":1,"influx":true}"""u8, retained: false);

        _time.Advance(TimeSpan.FromSeconds(30));
        var running = _cache.View(null).State;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(CollectorStates.Running, running);
        Assert.Equal(CollectorStates.Silent, _cache.View(null).State);
    }

    [Fact]
    public void View_HeartbeatResumesAfterSilence_RunningAgainSinceItResumed()
    {
        _cache.Handle(Alive("a"), retained: false);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(CollectorStates.Silent, _cache.View(null).State);

        _cache.Handle(Alive("a"), retained: false);

        var view = _cache.View(null);
        Assert.Equal(CollectorStates.Running, view.State);
        Assert.Equal(_time.GetUtcNow(), view.Since);
    }

    [Fact]
    public void View_InfluxUnhealthy_InfluxDownSinceItSaidSoAndBackToRunning()
    {
        _cache.Handle(Alive("a"), retained: true);
        _time.Advance(Interval);
        _cache.Handle(CollectorHeartbeat.Alive(_time.GetUtcNow(), influx: false, "a", Interval, spill: 1), retained: false);
        var since = _time.GetUtcNow();
        _time.Advance(Interval);
        _cache.Handle(CollectorHeartbeat.Alive(_time.GetUtcNow(), influx: false, "a", Interval, spill: 3), retained: false);

        var down = _cache.View(null);
        _cache.Handle(Alive("a"), retained: false);

        Assert.Equal(CollectorStates.InfluxDown, down.State);
        Assert.Equal(since, down.Since);
        Assert.Contains("cannot write to InfluxDB since 2026-11-23 04:00:10Z: points wait in its spill buffer (3 write batches)", down.Message, StringComparison.Ordinal);
        Assert.Equal(3, down.SpillBatches);
        Assert.Equal(CollectorStates.Running, _cache.View(null).State);
    }

    [Fact]
    public void View_StandbyTakesOver_RunningNamesTheNewCollectorAndWhomItReplaced()
    {
        _cache.Handle(Alive("a"), retained: true);
        _time.Advance(TimeSpan.FromSeconds(3));
        _cache.Handle(CollectorHeartbeat.Dead("a"), retained: false);
        _time.Advance(TimeSpan.FromSeconds(12));

        _cache.Handle(Alive("b"), retained: false);
        _time.Advance(Interval);
        _cache.Handle(Alive("b"), retained: false);
        var view = _cache.View(null);

        Assert.Equal(CollectorStates.Running, view.State);
        Assert.Equal("b", view.Instance);
        Assert.Equal("a", view.TookOverFrom);
        Assert.Equal(_time.GetUtcNow() - Interval, view.Since);
        Assert.Equal("collector b is running (took over from a at 2026-11-23 04:00:15Z)", view.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("""{"status":"rebooting"}""")]
    public void Handle_NotAHeartbeat_CountedAndChangesNothing(string payload)
    {
        _cache.Handle(Alive("a"), retained: true);

        _cache.Handle(System.Text.Encoding.UTF8.GetBytes(payload), retained: false);

        Assert.Equal(1, _cache.Rejected);
        Assert.Equal(CollectorStates.Running, _cache.View(null).State);
    }

    [Fact]
    public void View_DashboardLinkDownOrOff_SaysItCannotTellRatherThanRepeatingTheLastState()
    {
        _cache.Handle(Alive("a"), retained: true);

        var noLink = _cache.View("the MQTT broker 127.0.0.1:1883 is not connected");
        var off = _cache.View(null, linkConfigured: false);

        Assert.Equal(CollectorStates.NoLink, noLink.State);
        Assert.Equal("the dashboard cannot tell whether metrics are being collected: the MQTT broker 127.0.0.1:1883 is not connected", noLink.Message);
        Assert.Equal(CollectorStates.Off, off.State);
    }

    [Fact]
    public void View_StandbyReady_GroupListedAndNoWarning()
    {
        _cache.Handle(Alive("a"), retained: true);
        Presence("a", CollectorPresence.Active, retained: true);
        Presence("b", CollectorPresence.Standby, retained: true);

        var view = _cache.View(null);

        Assert.Equal([new CollectorMember("a", "active", null), new CollectorMember("b", "standby", null)], view.Group);
        Assert.Null(view.StandbyWarning);
    }

    [Fact]
    public void View_TheOnlyStandbyDies_WarnsThatNoneWouldTakeOverUntilItIsBack()
    {
        _cache.Handle(Alive("a"), retained: true);
        Presence("a", CollectorPresence.Active, retained: true);
        Presence("b", CollectorPresence.Standby, retained: true);
        _time.Advance(TimeSpan.FromMinutes(1));
        _cache.Handle(Alive("a"), retained: false);

        Presence("b", CollectorPresence.Dead, retained: false);
        var warned = _cache.View(null);
        Presence("b", CollectorPresence.Standby, retained: false);

        Assert.Equal(CollectorStates.Running, warned.State);
        Assert.Equal("no standby collector is ready (b is down at 2026-11-23 04:01:00Z): if the active collector fails, none takes over", warned.StandbyWarning);
        Assert.Null(_cache.View(null).StandbyWarning);
    }

    [Fact]
    public void View_StandbyStoppedOnPurposeOrCleared_NoWarning()
    {
        _cache.Handle(Alive("a"), retained: true);
        Presence("a", CollectorPresence.Active, retained: true);
        Presence("b", CollectorPresence.Stopped, retained: false);
        Presence("c", CollectorPresence.Dead, retained: true);
        Assert.NotNull(_cache.View(null).StandbyWarning);

        // An operator retires c: mosquitto_pub -r -n -t liveroom-sys/v1/collector/instances/c
        _cache.HandlePresence(Topic.CollectorInstance("c"), ReadOnlySpan<byte>.Empty, retained: false);

        var view = _cache.View(null);
        Assert.Null(view.StandbyWarning);
        Assert.Equal(["a", "b"], view.Group.Select(g => g.Instance));
    }

    [Fact]
    public void HandlePresence_InstanceDiffersFromTopic_CountedAndIgnored()
    {
        _cache.HandlePresence(Topic.CollectorInstance("b"), new CollectorPresence(CollectorPresence.Dead, "a", 0).ToJson(), retained: false);

        Assert.Equal(1, _cache.Rejected);
        Assert.Empty(_cache.View(null).Group);
    }

    [Fact]
    public void View_NoWatchdogEverAnnounced_NoWarning()
    {
        _cache.Handle(Alive(null), retained: true);

        var view = _cache.View(null);
        Assert.Empty(view.Watchdogs);
        Assert.Null(view.WatchdogWarning);
    }

    [Fact]
    public void View_TheWatchdogDies_WarnsNobodyWouldBeToldUntilItIsBack()
    {
        _cache.Handle(Alive(null), retained: true);
        Watchdog("liver-watchdog", ServicePresence.Online, retained: true);
        Assert.Null(_cache.View(null).WatchdogWarning);
        _time.Advance(TimeSpan.FromMinutes(2));
        _cache.Handle(Alive(null), retained: false);

        Watchdog("liver-watchdog", ServicePresence.Dead, retained: false);
        var warned = _cache.View(null);
        Watchdog("liver-watchdog", ServicePresence.Online, retained: false);

        Assert.Equal(CollectorStates.Running, warned.State);
        Assert.Equal("no collector watchdog is running (liver-watchdog is down at 2026-11-23 04:02:00Z): if the collector fails, nobody is told", warned.WatchdogWarning);
        Assert.Equal([new ServicePresenceEntry("liver-watchdog", ServicePresence.Dead, _time.GetUtcNow())], warned.Watchdogs);
        var back = _cache.View(null);
        Assert.Null(back.WatchdogWarning);
        Assert.Equal(ServicePresence.Online, Assert.Single(back.Watchdogs).State);
    }

    [Fact]
    public void View_OneOfTwoWatchdogsStoppedOtherOnline_NoWarning_BothStopped_SaysStoppedNotDown_ClearedForgotten()
    {
        _cache.Handle(Alive(null), retained: true);
        Watchdog("w1", ServicePresence.Online, retained: true);
        Watchdog("w2", ServicePresence.Stopped, retained: true);
        Assert.Null(_cache.View(null).WatchdogWarning);

        Watchdog("w1", ServicePresence.Stopped, retained: false);
        Assert.Equal("no collector watchdog is running (w1 was stopped at 2026-11-23 04:00:00Z, w2 was stopped): if the collector fails, nobody is told", _cache.View(null).WatchdogWarning);

        // Both retired: mosquitto_pub -r -n -t liveroom-sys/v1/collector/watchdogs/w1 (and w2)
        _cache.HandleWatchdog(Topic.WatchdogInstance("w1"), ReadOnlySpan<byte>.Empty, retained: false);
        _cache.HandleWatchdog(Topic.WatchdogInstance("w2"), ReadOnlySpan<byte>.Empty, retained: false);
        Assert.Empty(_cache.View(null).Watchdogs);
        Assert.Null(_cache.View(null).WatchdogWarning);
    }

    [Fact]
    public void HandleWatchdog_NotAPresenceOrAnotherInstance_CountedAndIgnored()
    {
        _cache.HandleWatchdog(Topic.WatchdogInstance("w1"), "online"u8, retained: false);
        _cache.HandleWatchdog(Topic.WatchdogInstance("w1"), new ServicePresence(ServicePresence.Dead, "w2", 0).ToJson(), retained: false);

        Assert.Equal(2, _cache.Rejected);
        Assert.Empty(_cache.View(null).Watchdogs);
    }

    private void Watchdog(string id, string state, bool retained) =>
        _cache.HandleWatchdog(Topic.WatchdogInstance(id), new ServicePresence(state, id, 1).ToJson(), retained);

    private void Presence(string instance, string role, bool retained) =>
        _cache.HandlePresence(Topic.CollectorInstance(instance), new CollectorPresence(role, instance, 1).ToJson(), retained);

    private byte[] Alive(string? instance) => CollectorHeartbeat.Alive(_time.GetUtcNow(), influx: true, instance, Interval);
}
