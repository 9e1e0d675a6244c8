using LiveRoom.Contracts.Payloads;
using System.Text;
using LiveRoom.Ingest.Alerts.Heartbeat;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Standby;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Standby;

/// <summary>The primary/standby rules (seed clause 4.3) on heartbeats, with a fake clock.</summary>
public sealed class LeaseStateTests
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Turn_NoHeartbeatAtAll_TakesOver()
    {
        var state = new LeaseState("b", StaleAfter, _time);

        Assert.Equal("no collector has published a heartbeat", state.Turn());
    }

    [Fact]
    public void Turn_AnotherCollectorAlive_StandsByUntilItIsSilentForThreeIntervals()
    {
        var state = new LeaseState("b", StaleAfter, _time);
        Assert.True(state.OnHeartbeat(Alive("a"), retained: true));
        Assert.Null(state.Turn());

        _time.Advance(TimeSpan.FromSeconds(20));
        state.OnHeartbeat(Alive("a"), retained: false);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(state.Turn());

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("collector a has been silent for 30 s", state.Turn());
    }

    [Fact]
    public void Turn_LastWillOrCleanStop_TakesOverAtOnce()
    {
        var state = new LeaseState("b", StaleAfter, _time);
        state.OnHeartbeat(Alive("a"), retained: true);

        state.OnHeartbeat(HeartbeatPublisher.WillOf("a").Payload.Span, retained: false);
        Assert.Equal("collector a died (its last will arrived)", state.Turn());

        state.OnHeartbeat(Alive("a"), retained: false);
        Assert.Null(state.Turn());
        state.OnHeartbeat(CollectorHeartbeat.Stopped("a"), retained: false);
        Assert.Equal("collector a stopped", state.Turn());
    }

    [Fact]
    public void Turn_OwnHeartbeatFromBeforeARestart_TakesOverAtOnce()
    {
        // A power cut: the broker still holds this collector's last "alive" (the will comes only after the keepalive).
        var state = new LeaseState("a", StaleAfter, _time);
        state.OnHeartbeat(Alive("a"), retained: true);

        Assert.Equal("the last heartbeat is this collector's own, from before it restarted", state.Turn());
    }

    [Fact]
    public void Turn_SingleCollectorWithoutStandbySettings_IsWaitedFor()
    {
        var state = new LeaseState("b", StaleAfter, _time);
        state.OnHeartbeat(CollectorHeartbeat.Alive(_time.GetUtcNow(), influx: true), retained: true);

        Assert.Null(state.Turn());
        Assert.Equal("(unnamed)", state.Last!.Name);
    }

    [Fact]
    public void Rival_TwoActive_OnlyTheOneWhoseNameSortsLaterSeesARival()
    {
        var a = new LeaseState("a", StaleAfter, _time);
        var b = new LeaseState("b", StaleAfter, _time);
        a.BeginWatch();
        b.BeginWatch();

        a.OnHeartbeat(Alive("b"), retained: false);
        b.OnHeartbeat(Alive("a"), retained: false);
        a.OnHeartbeat(Alive("a"), retained: false);
        b.OnHeartbeat(Alive("b"), retained: false);

        Assert.Null(a.Rival);
        Assert.Equal("a", b.Rival);
    }

    [Fact]
    public void Rival_RetainedOrBeforeTakingOver_IsNotOne()
    {
        var b = new LeaseState("b", StaleAfter, _time);
        b.OnHeartbeat(Alive("a"), retained: false);
        b.BeginWatch();
        Assert.Null(b.Rival);

        // The dead collector's stale "alive", replayed when the lease session resubscribes, is history.
        b.OnHeartbeat(Alive("a"), retained: true);
        Assert.Null(b.Rival);

        b.OnHeartbeat(Alive("a"), retained: false);
        Assert.Equal("a", b.Rival);
    }

    [Fact]
    public void Rival_CollectorWithoutStandbySettings_AlwaysOutranks()
    {
        var a = new LeaseState("a", StaleAfter, _time);
        a.BeginWatch();

        a.OnHeartbeat(CollectorHeartbeat.Alive(_time.GetUtcNow(), influx: true), retained: false);

        Assert.Equal("(unnamed)", a.Rival);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"status\":7}")]
    [InlineData("{\"status\":\"sleeping\"}")]
    [InlineData("{\"ts\":1}")]
    public void OnHeartbeat_NotAHeartbeat_IsRefusedAndChangesNothing(string payload)
    {
        var state = new LeaseState("b", StaleAfter, _time);
        state.OnHeartbeat(Alive("a"), retained: true);

        Assert.False(state.OnHeartbeat(Encoding.UTF8.GetBytes(payload), retained: false));
        Assert.Null(state.Turn());
        Assert.Equal("a", state.Last!.Name);
    }

    [Theory]
    [InlineData("studio-east.1", true)]
    [InlineData("A_b-9", true)]
    [InlineData("", false)]
    [InlineData("two words", false)]
    [InlineData("quote\"", false)]
    [InlineData("plus+sign", false)]
    public void Validator_Instance_MustBeAPlainName(string instance, bool ok)
    {
        var options = new IngestOptions();
        options.Standby.Enabled = true;
        options.Standby.Instance = instance;

        var failures = IngestOptionsValidator.Check(options);

        Assert.Equal(ok, failures.Count == 0);
        if (!ok)
        {
            Assert.Contains(failures, f => f.StartsWith("Ingest:Standby:Instance", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validator_InstanceTooLong_IsRefused()
    {
        var options = new IngestOptions();
        options.Standby.Enabled = true;
        options.Standby.Instance = new string('x', 65);

        Assert.Single(IngestOptionsValidator.Check(options));
    }

    [Fact]
    public void Resumed_AfterAPauseLongerThanTheStaleTime_SilenceCountsFromNow_ADeathStaysADeath()
    {
        var state = new LeaseState("b", StaleAfter, _time);
        state.OnHeartbeat(Alive("a"), retained: false);
        _time.Advance(TimeSpan.FromMinutes(2)); // b was frozen: it read nothing meanwhile
        state.Resumed();
        Assert.Null(state.Turn());
        _time.Advance(StaleAfter);
        Assert.Equal("collector a has been silent for 30 s", state.Turn());

        state.OnHeartbeat(CollectorHeartbeat.Dead("a"), retained: false);
        state.Resumed();
        Assert.Equal("collector a died (its last will arrived)", state.Turn());
    }

    private ReadOnlySpan<byte> Alive(string instance) => CollectorHeartbeat.Alive(_time.GetUtcNow(), influx: true, instance);
}
