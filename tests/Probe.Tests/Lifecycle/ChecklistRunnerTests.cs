using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Probe.Vision;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.Lifecycle.LifecycleRig;

namespace LiveRoom.Probe.Tests.Lifecycle;

/// <summary>The pre-show checklist: items, points, the T-10 verdict, restarts in the middle of a run, clock jumps.</summary>
public sealed class ChecklistRunnerTests : IDisposable
{
    private static readonly ManualItem[] Manual = [new() { Id = "backdrop", Text = "Backdrop clean" }, new() { Id = "mic", Text = "Microphone battery" }];
    private readonly TempDirectory _dir = new("checklist");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Start_AtT30_EveryAutomaticItemWithValueThresholdStatusAndClause()
    {
        var time = new FakeTimeProvider(T0);
        await using var rig = new LifecycleRig(_dir.Path, time);
        rig.Lifecycle.Start();
        rig.Uplink(12.5);
        rig.HostAndNetwork(diskGiB: 3, clockMs: 2400);
        rig.Apply(Schedule(1, Manual, Show("show-1", TimeSpan.FromMinutes(40), TimeSpan.FromHours(1))));
        Assert.Null(rig.Lifecycle.CurrentRun);

        time.Advance(TimeSpan.FromMinutes(10));
        rig.HostAndNetwork(diskGiB: 3, clockMs: 2400);
        rig.StreamSecond();
        rig.Step();

        var run = rig.Lifecycle.CurrentRun!;
        Assert.Equal("show-1", run.ShowId);
        Assert.Equal(ChecklistItems.Order.Where(i => i != ChecklistItems.Obs), run.Items.Select(i => i.Id));
        Assert.All(run.Items, i => Assert.False(string.IsNullOrEmpty(i.Threshold)));
        Assert.Equal("6.2.1.1", run.Item(ChecklistItems.Uplink)!.Clause);
        Assert.Equal((ItemStatus.Pass, "12.5 Mbit/s"), (run.Item(ChecklistItems.Uplink)!.Status, run.Item(ChecklistItems.Uplink)!.Value));
        Assert.Equal((ItemStatus.Pass, "1920x1080"), (run.Item(ChecklistItems.Resolution)!.Status, run.Item(ChecklistItems.Resolution)!.Value));
        Assert.Equal((ItemStatus.Pass, "29.97 fps"), (run.Item(ChecklistItems.FrameRate)!.Status, run.Item(ChecklistItems.FrameRate)!.Value));
        Assert.Equal(ItemStatus.Pass, run.Item(ChecklistItems.Bitrate)!.Status);
        Assert.Equal(ItemStatus.Pass, run.Item(ChecklistItems.Audio)!.Status);
        Assert.Equal(ItemStatus.Fail, run.Item(ChecklistItems.Disk)!.Status);
        Assert.Equal("3 GiB free", run.Item(ChecklistItems.Disk)!.Value);
        Assert.Equal((ItemStatus.Fail, "+2400 ms"), (run.Item(ChecklistItems.Clock)!.Status, run.Item(ChecklistItems.Clock)!.Value));
        Assert.Equal(ItemStatus.Pending, run.Item(ChecklistItems.Framing)!.Status);

        // A point per item result (tag item; the uplink's "testing" first), plus the run's and the manual items'.
        var points = rig.Checklist;
        Assert.Equal(["testing", "12.5 Mbit/s"], points.Where(p => p.Tags![ChecklistFields.ItemTag] == ChecklistItems.Uplink).Select(p => p.Fields[ChecklistFields.Value].Text));
        foreach (var item in run.Items)
        {
            var p = points.Last(p => p.Tags![ChecklistFields.ItemTag] == item.Id);
            Assert.Equal(run.Id, p.Fields[ChecklistFields.Run].Text);
            Assert.Equal("show-1", p.Fields[ChecklistFields.Show].Text);
            Assert.Equal(item.Status, p.Fields[ChecklistFields.Status].Text);
            Assert.Equal(item.Clause, p.Fields[ChecklistFields.Clause].Text);
        }

        Assert.Equal(2, points.Count(p => p.Tags![ChecklistFields.ItemTag] is "backdrop" or "mic"));
        Assert.Contains(points, p => p.Tags![ChecklistFields.ItemTag] == ChecklistFields.RunItem && p.Fields[ChecklistFields.Status].Text == ItemStatus.NotReady);
        Assert.Equal(RoomStates.NotReady, rig.Lifecycle.Current.State);
        Assert.StartsWith("disk 3 GiB free", rig.Lifecycle.Current.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RoomNotCommissioned_FramingWarnsWithTheReasonSaidOnce()
    {
        var time = new FakeTimeProvider(T0);
        await using var rig = new LifecycleRig(_dir.Path, time);
        rig.Lifecycle.Start();
        rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromMinutes(20), TimeSpan.FromHours(1))));
        rig.StreamSecond();
        // As the vision monitor writes it for a room whose technician has not approved a reference frame yet.
        rig.Tee.Append(new MetricPoint
        {
            Seq = 0, Ts = time.GetUtcNow().ToUnixTimeMilliseconds(), Kind = MetricKind.Vision,
            Fields = new Dictionary<string, FieldValue> { [VisionFields.Commissioned] = false, [VisionFields.ReferenceProblem] = "not commissioned: no reference frame", [VisionFields.LumaMean] = 120.0 },
        });

        rig.Step();

        var framing = rig.Lifecycle.CurrentRun!.Item(ChecklistItems.Framing)!;
        Assert.Equal((ItemStatus.Warn, "not commissioned: no reference frame"), (framing.Status, framing.Value));
    }

    [Fact]
    public async Task Tick_AtT10NotAllPass_OneRunPointWithReadyAtT10False()
    {
        var time = new FakeTimeProvider(T0);
        await using var rig = new LifecycleRig(_dir.Path, time);
        rig.Lifecycle.Start();
        rig.Uplink(1.5);
        rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromMinutes(25), TimeSpan.FromHours(1))));
        for (var i = 0; i < 16; i++)
        {
            rig.Uplink(1.5);
            time.Advance(TimeSpan.FromMinutes(1));
            rig.Step();
        }

        var deadline = Assert.Single(rig.Checklist, p => p.Fields.ContainsKey(ChecklistFields.ReadyAtT10));
        Assert.False(deadline.Fields[ChecklistFields.ReadyAtT10].Boolean);
        Assert.Equal(ChecklistFields.RunItem, deadline.Tags![ChecklistFields.ItemTag]);
        Assert.Equal((T0 + TimeSpan.FromMinutes(15)).ToUnixTimeMilliseconds(), deadline.Ts);
        Assert.True(rig.Lifecycle.CurrentRun!.DeadlineReported);
        Assert.Equal(17, rig.UplinkTests);
    }

    [Fact]
    public async Task Restart_MidChecklist_ResumesTheSameRunWithEveryConfirmation()
    {
        var time = new FakeTimeProvider(T0);
        await using var rig = new LifecycleRig(_dir.Path, time);
        rig.Lifecycle.Start();
        rig.Uplink(20);
        rig.Apply(Schedule(1, Manual, Show("show-1", TimeSpan.FromMinutes(20), TimeSpan.FromHours(1))));
        Assert.True((await rig.Lifecycle.ConfirmAsync("backdrop", "wang", CancellationToken.None)).Ok);
        var before = rig.Lifecycle.CurrentRun!;
        var started = rig.Checklist.Count(p => p.Fields[ChecklistFields.Value].Text == "started");

        time.Advance(TimeSpan.FromMinutes(2));
        rig.Uplink(20);
        await rig.RestartAsync();

        var after = rig.Lifecycle.CurrentRun!;
        Assert.Equal(before.Id, after.Id);
        var backdrop = after.Manual.Single(m => m.Id == "backdrop");
        Assert.Equal(("wang", T0.ToUnixTimeMilliseconds()), (backdrop.ConfirmedBy, backdrop.ConfirmedAt));
        Assert.Equal(started, rig.Checklist.Count(p => p.Fields[ChecklistFields.Value].Text == "started"));
        Assert.Equal(["mic"], rig.Lifecycle.Current.Checklist!.Unconfirmed);
        Assert.True((await rig.Lifecycle.ConfirmAsync("mic", "li", CancellationToken.None)).Ok);
        Assert.Equal(RoomStates.Ready, rig.Lifecycle.Current.State);

        // The record on disk holds both confirmations and every item.
        var file = Directory.GetFiles(Path.Combine(_dir.Path, "runs"), "run-*.json").Single();
        var saved = JsonSerializer.Deserialize(File.ReadAllBytes(file), LifecycleJsonContext.Default.ChecklistRun)!;
        Assert.Equal(["wang", "li"], saved.Manual.Select(m => m.ConfirmedBy));
        Assert.Equal(12, saved.Items.Count);
    }

    [Fact]
    public async Task ClockJumpBackwards_AfterTheShow_NeverRepeatsTheFinishedRun()
    {
        var clock = new JumpingClock(T0);
        await using var rig = new LifecycleRig(_dir.Path, clock);
        rig.Lifecycle.Start();
        rig.Uplink(20);
        rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30))));
        Assert.Equal(RoomStates.Ready, rig.Step().State);
        clock.Advance(TimeSpan.FromMinutes(60));
        rig.Step();
        Assert.Equal("show over", Assert.Single(rig.Lifecycle.Runs).CloseReason);

        clock.Jump(TimeSpan.FromMinutes(-55));
        rig.Step();
        clock.Advance(TimeSpan.FromSeconds(5));
        rig.Step();

        Assert.Single(rig.Lifecycle.Runs);
        Assert.Null(rig.Lifecycle.CurrentRun);
        Assert.Equal(1, rig.UplinkTests);
    }

    [Fact]
    public async Task ClockJumpForward_PastTheWindow_NoRunAndTheShowReadsNotReady()
    {
        var clock = new JumpingClock(T0);
        await using var rig = new LifecycleRig(_dir.Path, clock);
        rig.Lifecycle.Start();
        rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromHours(1), TimeSpan.FromHours(1))));
        Assert.Equal(RoomStates.Booked, rig.Step().State);

        clock.Jump(TimeSpan.FromMinutes(70));
        var state = rig.Step();
        Assert.Equal(RoomStates.NotReady, state.State);
        Assert.Equal("show started, no stream", state.Reason);
        Assert.Empty(rig.Lifecycle.Runs);
    }

    [Fact]
    public async Task RunChecklist_OnDemandWithNoShow_RunsAndTheShowStillGetsItsOwnRunAtT30()
    {
        var time = new FakeTimeProvider(T0);
        await using var rig = new LifecycleRig(_dir.Path, time);
        rig.Lifecycle.Start();
        rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromMinutes(45), TimeSpan.FromHours(1))));
        rig.Uplink(20);
        var result = await rig.Lifecycle.RunChecklistAsync("zhao", CancellationToken.None);
        Assert.True(result.Ok, result.Message);
        Assert.Equal("zhao", rig.Lifecycle.CurrentRun!.By);
        Assert.Equal(string.Empty, rig.Lifecycle.CurrentRun.ShowId);

        rig.Uplink(20);
        time.Advance(TimeSpan.FromMinutes(16));
        rig.Step();
        Assert.Equal("show-1", rig.Lifecycle.CurrentRun!.ShowId);
        Assert.Equal("superseded", rig.Lifecycle.Runs.First().CloseReason);
    }

    [Fact]
    public async Task StreamJustUp_ItemsWithoutAValueYet_MeasuringNotFailing_PassWithinSecondsOfTheirFirstValue()
    {
        var time = new FakeTimeProvider(T0);
        await using var rig = new LifecycleRig(_dir.Path, time);
        rig.Lifecycle.Start();
        rig.Uplink(20);
        rig.HostAndNetwork();
        rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromMinutes(20), TimeSpan.FromHours(1))));

        // The encoder starts: its first second has a codec but no frame rate, bitrate, resolution or loudness yet.
        time.Advance(TimeSpan.FromSeconds(1));
        rig.StreamUpUnmeasured(1);
        rig.Step();

        var run = rig.Lifecycle.CurrentRun!;
        string[] measuring = [ChecklistItems.Resolution, ChecklistItems.FrameRate, ChecklistItems.Bitrate, ChecklistItems.Audio, ChecklistItems.Loudness];
        Assert.All(measuring, id => Assert.Equal((ItemStatus.Pending, "measuring (stream up 1 s)"), (run.Item(id)!.Status, run.Item(id)!.Value)));
        Assert.DoesNotContain(run.Items, i => i.Status == ItemStatus.Fail);
        Assert.NotEqual(RoomStates.NotReady, rig.Lifecycle.Current.State);

        // Four seconds later the monitors have their values: the items pass at the next step, not at the next minute's re-check.
        time.Advance(TimeSpan.FromSeconds(4));
        rig.StreamSecond();
        rig.Step();

        Assert.All(measuring, id => Assert.Equal(ItemStatus.Pass, run.Item(id)!.Status));
        Assert.Equal("-20 LUFS", run.Item(ChecklistItems.Loudness)!.Value);
        Assert.Equal(1, rig.UplinkTests);
    }

    [Fact]
    public async Task StreamUpLongerThanTheGrace_StillNothingMeasured_ItemsFailSayingWhat()
    {
        var time = new FakeTimeProvider(T0);
        await using var rig = new LifecycleRig(_dir.Path, time);
        rig.Lifecycle.Start();
        rig.Uplink(20);
        rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromMinutes(20), TimeSpan.FromHours(1))));
        rig.StreamUpUnmeasured(1);
        rig.Step();

        // Each second the stream reports itself up and the monitors report nothing: at the grace's end the items fail.
        for (var s = 2; s <= AutomaticChecks.MeasureGrace.TotalSeconds; s++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            rig.StreamUpUnmeasured(s);
            rig.Step();
        }

        var run = rig.Lifecycle.CurrentRun!;
        Assert.Equal((ItemStatus.Fail, "no loudness measured"), (run.Item(ChecklistItems.Loudness)!.Status, run.Item(ChecklistItems.Loudness)!.Value));
        Assert.Equal((ItemStatus.Fail, "no frame rate measured"), (run.Item(ChecklistItems.FrameRate)!.Status, run.Item(ChecklistItems.FrameRate)!.Value));
        Assert.Equal((ItemStatus.Fail, "no audio track"), (run.Item(ChecklistItems.Audio)!.Status, run.Item(ChecklistItems.Audio)!.Value));
        Assert.Equal(RoomStates.NotReady, rig.Lifecycle.Current.State);
    }

    [Fact]
    public async Task Uplink_NotConfigured_WarnThatSaysSo()
    {
        var time = new FakeTimeProvider(T0);
        await using var rig = new LifecycleRig(_dir.Path, time, uplinkConfigured: false);
        rig.Lifecycle.Start();
        rig.Apply(Schedule(1, null, Show("show-1", TimeSpan.FromMinutes(20), TimeSpan.FromHours(1))));
        var uplink = rig.Lifecycle.CurrentRun!.Item(ChecklistItems.Uplink)!;
        Assert.Equal(ItemStatus.Warn, uplink.Status);
        Assert.Equal("no uplink test configured (Probe:Network:UplinkUrl)", uplink.Value);
        Assert.Equal(ItemStatus.Warn, rig.Lifecycle.CurrentRun.Item(ChecklistItems.Clock)!.Status);
        Assert.Equal(RoomStates.Ready, rig.Lifecycle.Current.State);
    }
}
