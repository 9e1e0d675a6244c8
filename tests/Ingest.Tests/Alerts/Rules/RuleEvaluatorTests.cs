using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Rules;

public sealed class RuleEvaluatorTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<ConditionChange> _changes = [];

    [Fact]
    public void OnBatch_PostsOnlyChanges_NotEveryPoint()
    {
        var evaluator = new RuleEvaluator([TestRules.Fps()], new Sink(_changes), _time);
        var h = new AlertHarness();
        foreach (var fps in new[] { 30, 20, 19, 18, 29.6, 29.9, 30 })
        {
            evaluator.OnBatch(AlertHarness.Batch("s1", "r1", h.Point(MetricKind.Stream, (MetricKind.StreamFields.Fps, fps))));
        }

        Assert.Equal([(true, 20.0), (false, 29.9)], _changes.Select(c => (c.Active, c.Value!.Value)));
    }

    [Fact]
    public void EventRule_FiresOnEvent_ClearsOnClearEventOrInactive()
    {
        var rule = new AlertRule
        {
            Id = "cut", Title = "Stream stopped", Kind = MetricKind.Event, Operator = RuleOperator.Event,
            EventType = EventTypes.StreamStopped, ClearEventType = EventTypes.StreamStarted,
        };
        var black = new AlertRule { Id = "black", Title = "Black", Kind = MetricKind.Event, Operator = RuleOperator.Event, EventType = EventTypes.Black };
        var evaluator = new RuleEvaluator([rule, black], new Sink(_changes), _time);
        var h = new AlertHarness();
        evaluator.OnBatch(AlertHarness.Batch("s1", "r1",
            h.Point(MetricKind.Event, (EventFields.Type, EventTypes.StreamStopped)),
            h.Point(MetricKind.Event, (EventFields.Type, EventTypes.Black), (EventFields.Active, true)),
            h.Point(MetricKind.Event, (EventFields.Type, EventTypes.StreamStarted)),
            h.Point(MetricKind.Event, (EventFields.Type, EventTypes.Black), (EventFields.Active, false))));
        Assert.Equal([("cut", true), ("black", true), ("cut", false), ("black", false)], _changes.Select(c => (c.Rule.Id, c.Active)));
    }

    [Fact]
    public void DataGap_NoPointsForThreshold_FiresOnce_RecoversOnNextPoint()
    {
        var rule = DefaultRules.All.Single(r => r.Id == "data_gap");
        var evaluator = new RuleEvaluator([rule], new Sink(_changes), _time);
        var h = new AlertHarness();
        evaluator.OnBatch(AlertHarness.Batch("s1", "r1", h.Point(MetricKind.Stream, ("fps", 30.0))));
        _time.Advance(TimeSpan.FromSeconds(29));
        evaluator.CheckGaps();
        Assert.Empty(_changes);
        _time.Advance(TimeSpan.FromSeconds(1));
        evaluator.CheckGaps();
        evaluator.CheckGaps();
        Assert.True(Assert.Single(_changes).Active);
        evaluator.OnBatch(AlertHarness.Batch("s1", "r1", h.Point(MetricKind.Stream, ("fps", 30.0))));
        Assert.False(_changes[1].Active);
    }

    [Fact]
    public void DefaultRules_AreAllValid()
    {
        foreach (var rule in DefaultRules.All)
        {
            Assert.Empty(RuleValidator.Check(rule));
        }
    }

    private sealed class Sink(List<ConditionChange> changes) : IConditionSink
    {
        public void Post(in ConditionChange change) => changes.Add(change);
    }
}
