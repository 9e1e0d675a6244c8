using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Detection;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Detection;

public sealed class ConditionTrackerTests
{
    [Fact]
    public void Update_ConditionStartsAndRecovers_EmitsTwoEventsWithDuration()
    {
        var time = new FakeTimeProvider();
        var tracker = new ConditionTracker(time);

        var started = tracker.Update([new Condition(EventTypes.Black, true, 16, 32, "black")], 1000);
        var again = tracker.Update([new Condition(EventTypes.Black, true, 16, 32, "black")], 2000);
        time.Advance(TimeSpan.FromSeconds(7));
        var recovered = tracker.Update([new Condition(EventTypes.Black, false, 120, 32, "ok")], 9000);

        var start = Assert.Single(started);
        Assert.Empty(again);
        var end = Assert.Single(recovered);
        Assert.Equal(MetricKind.Event, start.Kind);
        Assert.Equal(EventTypes.Black, start.Tags![EventFields.Type]);
        Assert.True(start.Fields[EventFields.Active].Boolean);
        Assert.Equal(16, start.Fields[EventFields.Value].Number);
        Assert.Equal(32, start.Fields[EventFields.Threshold].Number);
        Assert.False(end.Fields[EventFields.Active].Boolean);
        Assert.Equal(7, end.Fields[EventFields.Duration].Number);
    }

    [Fact]
    public void Clear_ActiveConditions_RecoversEach()
    {
        var tracker = new ConditionTracker(new FakeTimeProvider());
        tracker.Update([new Condition(EventTypes.Silence, true, 10, 10, "s"), new Condition(EventTypes.Frozen, true, 6, 6, "f")], 1);

        var cleared = tracker.Clear(2, "stream stopped");

        Assert.Equal(2, cleared.Count);
        Assert.Empty(tracker.Active);
    }
}
