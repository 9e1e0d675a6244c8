using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.Lifecycle.LifecycleRig;

namespace LiveRoom.Probe.Tests.Lifecycle;

/// <summary>The room state transition by transition on a fake clock (issue 6 item 3), with the checklist driving pre-show/ready.</summary>
public sealed class RoomLifecycleTests : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("lifecycle");
    private readonly FakeTimeProvider _time = new(T0);
    private readonly LifecycleRig _rig;

    public RoomLifecycleTests()
    {
        _rig = new LifecycleRig(_dir.Path, _time);
        _rig.Lifecycle.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _rig.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public void Step_NoSchedule_Free()
    {
        Assert.Equal(RoomStates.Free, _rig.Step().State);
    }

    [Fact]
    public void Step_WholeShowDay_FreeBookedPreShowNotReadyReadyLiveFaultLiveEndedFree()
    {
        _rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromHours(3), TimeSpan.FromHours(1))));
        Assert.Equal(RoomStates.Free, _rig.Step().State);

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var booked = _rig.Step();
        Assert.Equal(RoomStates.Booked, booked.State);
        Assert.Equal("show-1", booked.Show!.Id);

        // T-30: the run starts; the uplink test reports 2.1 Mbit/s.
        _rig.Uplink(2.1);
        _time.Advance(TimeSpan.FromMinutes(89));
        _rig.HostAndNetwork();
        var notReady = _rig.Step();
        Assert.Equal(RoomStates.NotReady, notReady.State);
        Assert.Equal("uplink 2.1 Mbit/s, needs ≥ 5 Mbit/s (stream + 25 %)", notReady.Reason);
        Assert.Equal(1, _rig.UplinkTests);
        Assert.Contains("uplink: 2.1 Mbit/s", notReady.Checklist!.Failing);

        // Re-checked after a minute: fixed.
        _rig.Uplink(50);
        _time.Advance(TimeSpan.FromMinutes(1));
        _rig.HostAndNetwork();
        var ready = _rig.Step();
        Assert.Equal(RoomStates.Ready, ready.State);
        Assert.Equal(2, _rig.UplinkTests);
        Assert.Empty(ready.Checklist!.Failing);

        // T-0: the stream comes up.
        _time.Advance(TimeSpan.FromMinutes(29));
        _rig.StreamSecond();
        var live = _rig.Step();
        Assert.Equal(RoomStates.Live, live.State);
        Assert.False(live.Unscheduled);
        Assert.Null(_rig.Lifecycle.CurrentRun);
        Assert.Equal("live", Assert.Single(_rig.Lifecycle.Runs).CloseReason);

        _time.Advance(TimeSpan.FromSeconds(1));
        _rig.StreamSecond();
        _rig.Event(EventTypes.Black, true, "picture black for 2 s");
        var fault = _rig.Step();
        Assert.Equal(RoomStates.Fault, fault.State);
        Assert.Equal("black: picture black for 2 s", fault.Reason);

        _time.Advance(TimeSpan.FromSeconds(1));
        _rig.StreamSecond();
        _rig.Event(EventTypes.Black, false);
        Assert.Equal(RoomStates.Live, _rig.Step().State);

        // The host ends on time.
        _time.Advance(TimeSpan.FromMinutes(59));
        _rig.StreamSecond(up: false);
        Assert.Equal(RoomStates.Ended, _rig.Step().State);
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(RoomStates.Ended, _rig.Step().State);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(RoomStates.Free, _rig.Step().State);
        Assert.Equal(
            [RoomStates.Free, RoomStates.Booked, RoomStates.NotReady, RoomStates.Ready, RoomStates.Live, RoomStates.Fault, RoomStates.Live, RoomStates.Ended, RoomStates.Free],
            Collapse(_rig.Changes.Select(c => c.State)));
    }

    [Fact]
    public void Step_ManualItemUnconfirmed_PreShowWithProgress_ThenReadyWhenConfirmed()
    {
        _rig.Uplink(50);
        _rig.Apply(Schedule(1, [new ManualItem { Id = "backdrop", Text = "Backdrop clean" }], Show("show-1", TimeSpan.FromMinutes(20), TimeSpan.FromHours(1))));
        var state = _rig.Step();

        Assert.Equal(RoomStates.PreShow, state.State);
        Assert.Equal(["backdrop"], state.Checklist!.Unconfirmed);
        Assert.Equal(12 + 1, state.Checklist.Total);
        Assert.Equal(1, state.Checklist.Passed);

        Assert.True(_rig.Command(new ChecklistCommand { V = 1, Action = ChecklistCommand.Confirm, Item = "backdrop", By = "wang", Ts = 0 }));
        var ready = _rig.Lifecycle.Current;
        Assert.Equal(RoomStates.Ready, ready.State);
        Assert.Equal(2, ready.Checklist!.Passed);
        var confirmed = Assert.Single(_rig.Lifecycle.ManualItems);
        Assert.True(confirmed.Confirmed);
        Assert.Equal("wang", confirmed.By);
        var point = Assert.Single(_rig.Checklist, p => p.Tags![ChecklistFields.ItemTag] == "backdrop" && p.Fields[ChecklistFields.Status].Text == ItemStatus.Confirmed);
        Assert.Equal("wang", point.Fields[ChecklistFields.By].Text);
    }

    [Fact]
    public async Task Confirm_UnknownItemOrNoRun_RefusedWithTheReason()
    {
        var none = await _rig.Lifecycle.ConfirmAsync("backdrop", "wang", CancellationToken.None);
        Assert.False(none.Ok);
        Assert.Equal("no checklist run is active", none.Message);

        _rig.Uplink(50);
        _rig.Apply(Schedule(1, [new ManualItem { Id = "backdrop", Text = "Backdrop clean" }], Show("show-1", TimeSpan.FromMinutes(20), TimeSpan.FromHours(1))));
        var unknown = await _rig.Lifecycle.ConfirmAsync("mic", "wang", CancellationToken.None);
        Assert.False(unknown.Ok);
        Assert.Contains("'mic' is not a manual item", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("backdrop", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_StreamWithNoShow_LiveUnscheduled_ThenEndedThenFree()
    {
        _rig.StreamSecond();
        var live = _rig.Step();
        Assert.Equal(RoomStates.Live, live.State);
        Assert.True(live.Unscheduled);

        _time.Advance(TimeSpan.FromSeconds(10));
        _rig.StreamSecond(up: false);
        Assert.Equal(RoomStates.Ended, _rig.Step().State);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(RoomStates.Free, _rig.Step().State);
    }

    [Fact]
    public void Step_UnscheduledStreamStillUpWhenTheShowComes_BecomesThatShow()
    {
        _rig.Uplink(50);
        _rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromMinutes(40), TimeSpan.FromHours(1))));
        _rig.StreamSecond();
        Assert.True(_rig.Step().Unscheduled);

        _time.Advance(TimeSpan.FromMinutes(36));
        _rig.StreamSecond();
        var live = _rig.Step();
        Assert.Equal(RoomStates.Live, live.State);
        Assert.False(live.Unscheduled);
        Assert.Equal("show-1", live.Show!.Id);
    }

    [Fact]
    public void Step_StreamLostMidShow_FaultUntilItReturns()
    {
        _rig.Uplink(50);
        _rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1))));
        _time.Advance(TimeSpan.FromMinutes(2));
        _rig.StreamSecond();
        Assert.Equal(RoomStates.Live, _rig.Step().State);

        _time.Advance(TimeSpan.FromMinutes(10));
        _rig.StreamSecond(up: false);
        var fault = _rig.Step();
        Assert.Equal(RoomStates.Fault, fault.State);
        Assert.Equal("stream lost during the show", fault.Reason);

        _time.Advance(TimeSpan.FromSeconds(30));
        _rig.StreamSecond();
        Assert.Equal(RoomStates.Live, _rig.Step().State);
    }

    [Fact]
    public void Step_ShowOverWithoutStream_EndedThenBookedForTheNextShow()
    {
        _rig.Uplink(50);
        _rig.Apply(Schedule(1, null, Show("a", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)), Show("b", TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(30))));
        Assert.Equal(RoomStates.Ready, _rig.Step().State);
        _time.Advance(TimeSpan.FromMinutes(20));
        var noStream = _rig.Step();
        Assert.Equal(RoomStates.NotReady, noStream.State);
        Assert.Equal("show started, no stream", noStream.Reason);

        _time.Advance(TimeSpan.FromMinutes(20));
        var ended = _rig.Step();
        Assert.Equal(RoomStates.Ended, ended.State);
        Assert.Equal("a", ended.Show!.Id);
        _time.Advance(TimeSpan.FromMinutes(5));
        var booked = _rig.Step();
        Assert.Equal(RoomStates.Booked, booked.State);
        Assert.Equal("b", booked.Show!.Id);
    }

    [Fact]
    public void Step_StateTimesAndNextShow_Reported()
    {
        _rig.Apply(Schedule(1, null, Show("a", TimeSpan.FromHours(1), TimeSpan.FromMinutes(30)), Show("b", TimeSpan.FromHours(5), TimeSpan.FromMinutes(30))));
        var booked = _rig.Step();
        Assert.Equal("a", booked.Show!.Id);
        Assert.Equal("b", booked.Next!.Id);
        Assert.Equal("Asia/Shanghai", booked.TimeZone);
        Assert.Equal(T0.ToUnixTimeMilliseconds(), booked.Since);
    }

    private static List<string> Collapse(IEnumerable<string> states)
    {
        var list = new List<string>();
        foreach (var s in states)
        {
            if (list.Count == 0 || list[^1] != s)
            {
                list.Add(s);
            }
        }

        return list;
    }
}
