using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Rules;

/// <summary>Issue 6 feeding issue 7: the edge's room state decides when rules apply; the checklist and vision rules fire.</summary>
public sealed class LifecycleRulesTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<ConditionChange> _changes = [];

    [Theory]
    [InlineData(RoomStates.Free, RoomUse.Free)]
    [InlineData(RoomStates.Ended, RoomUse.Free)]
    [InlineData(RoomStates.Booked, RoomUse.Booked)]
    [InlineData(RoomStates.PreShow, RoomUse.PreShow)]
    [InlineData(RoomStates.Ready, RoomUse.PreShow)]
    [InlineData(RoomStates.NotReady, RoomUse.PreShow)]
    [InlineData(RoomStates.Live, RoomUse.Live)]
    [InlineData(RoomStates.Fault, RoomUse.Live)]
    public void Get_EdgeState_MapsToRoomUseWithShowTitle(string state, RoomUse expected)
    {
        var book = new RoomStateBook();
        book.Set("s1", "r1", State(state, ts: 10, show: "Spring sale"));
        var provider = new LifecycleRoomStateProvider(book, new FixedRooms { Default = new RoomState(RoomUse.Live, "fallback") });

        Assert.Equal(new RoomState(expected, "Spring sale", "Asia/Shanghai"), provider.Get("s1", "r1"));
    }

    [Fact]
    public void Get_NoStateOrOffline_UsesFallback()
    {
        var book = new RoomStateBook();
        book.Set("s1", "r2", State(RoomStates.Offline, ts: 10));
        var fallback = new FixedRooms { Default = new RoomState(RoomUse.Live, "from stream") };
        var provider = new LifecycleRoomStateProvider(book, fallback);

        Assert.Equal(new RoomState(RoomUse.Live, "from stream"), provider.Get("s1", "r1"));
        // An offline edge's last state still says where the room is: its zone is kept for local times in messages.
        Assert.Equal(new RoomState(RoomUse.Live, "from stream", "Asia/Shanghai"), provider.Get("s1", "r2"));
    }

    [Fact]
    public void Set_OlderState_DoesNotReplaceNewer()
    {
        var book = new RoomStateBook();
        book.Set("s1", "r1", State(RoomStates.Live, ts: 20));
        book.Set("s1", "r1", State(RoomStates.Free, ts: 10));

        Assert.True(book.TryGet("s1", "r1", out var kept));
        Assert.Equal(RoomStates.Live, kept.State);
    }

    [Fact]
    public void OnState_FeedsTheEvaluatorsBook()
    {
        var evaluator = new RuleEvaluator([], new Sink(_changes), _time);
        ((IBatchObserver)evaluator).OnState("s1", "r1", State(RoomStates.Booked, ts: 1));

        Assert.Equal(RoomUse.Booked, new LifecycleRoomStateProvider(evaluator.States, new FixedRooms()).Get("s1", "r1").Use);
    }

    [Fact]
    public void ChecklistRule_RunNotReadyAtT10_Fires_ReadyLaterRecovers()
    {
        var rule = DefaultRules.All.Single(r => r.Id == "checklist_not_ready");
        var evaluator = new RuleEvaluator([rule], new Sink(_changes), _time);
        var h = new AlertHarness();
        evaluator.OnBatch(AlertHarness.Batch("s1", "r1", h.Point(MetricKind.Checklist, (ChecklistFields.Status, "running"))));
        evaluator.OnBatch(AlertHarness.Batch("s1", "r1", h.Point(MetricKind.Checklist, (ChecklistFields.ReadyAtT10, false))));
        evaluator.OnBatch(AlertHarness.Batch("s1", "r1", h.Point(MetricKind.Checklist, (ChecklistFields.ReadyAtT10, true))));

        Assert.Equal([true, false], _changes.Select(c => c.Active));
    }

    [Fact]
    public void VisionRules_FireOnEdgeEvents_AndRecover()
    {
        var rules = DefaultRules.All.Where(r => r.EventType is VisionEventTypes.FramingDrift or VisionEventTypes.CameraBlocked).ToList();
        var evaluator = new RuleEvaluator(rules, new Sink(_changes), _time);
        var h = new AlertHarness();
        evaluator.OnBatch(AlertHarness.Batch("s1", "r1",
            h.Point(MetricKind.Event, (EventFields.Type, VisionEventTypes.FramingDrift), (EventFields.Active, true)),
            h.Point(MetricKind.Event, (EventFields.Type, VisionEventTypes.FramingDrift), (EventFields.Active, false))));

        Assert.Equal([("framing_drift", true), ("framing_drift", false)], _changes.Select(c => (c.Rule.Id, c.Active)));
    }

    [Fact]
    public void DefaultRules_AllValid()
    {
        foreach (var rule in DefaultRules.All)
        {
            Assert.Empty(RuleValidator.Check(rule));
        }
    }

    private static RoomStateMessage State(string state, long ts, string? show = null) => new()
    {
        V = 1, Site = "s1", Room = "r1", Ts = ts, State = state, Since = ts, TimeZone = "Asia/Shanghai",
        Show = show is null ? null : new ShowSummary { Id = "x", Title = show, Start = 1, End = 2 },
    };

    private sealed class Sink(List<ConditionChange> changes) : IConditionSink
    {
        public void Post(in ConditionChange change) => changes.Add(change);
    }
}
