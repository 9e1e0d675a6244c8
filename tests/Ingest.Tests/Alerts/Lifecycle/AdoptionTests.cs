using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Tests.Alerts.Support;

namespace LiveRoom.Ingest.Tests.Alerts.Lifecycle;

/// <summary>
/// Alerts still open when a collector starts (it restarted, or took over from the active one) carry on under the same
/// id instead of being paged again, and their records get a resolution.
/// </summary>
public sealed class AdoptionTests
{
    [Fact]
    public void ConditionStillThere_SameAlertCarriesOn_NoSecondPage_ResolvedLaterUnderItsId()
    {
        var before = new AlertHarness([TestRules.Fps(TimeSpan.Zero)]);
        var fired = FireAndNotify(before);

        var after = Restart(before, TimeSpan.FromSeconds(30));
        Assert.Equal(1, after.Engine.Adopt(after.Incidents.Query(new IncidentFilter()), after.Evaluator.Rules));
        after.Stream("s1", "r1", 20);
        after.Step(1);
        after.Step(after.Options.AdoptGrace + TimeSpan.FromSeconds(1));

        var open = Assert.Single(after.Engine.Open());
        Assert.Equal((fired.Id, AlertState.Firing), (open.Id, open.State));
        Assert.Empty(after.Notifier.Notices);

        after.Stream("s1", "r1", 30);
        after.Step(1);
        Assert.Empty(after.Engine.Open());
        Assert.Equal(fired.Id, Assert.Single(Assert.Single(after.Notifier.Of(NoticeKind.Resolved)).Alerts).Id);
        Assert.Equal([IncidentEventKind.Fired, IncidentEventKind.Notified, IncidentEventKind.Resolved], after.Incidents.Get(fired.Id)!.Timeline.Select(e => e.Kind));
    }

    [Fact]
    public void ConditionNotSeenAgain_ResolvedAfterTheGrace_WithTheReason()
    {
        var before = new AlertHarness([TestRules.Fps(TimeSpan.Zero)]);
        var fired = FireAndNotify(before);

        var after = Restart(before, TimeSpan.FromMinutes(5));
        after.Engine.Adopt(after.Incidents.Query(new IncidentFilter()), after.Evaluator.Rules);
        after.Step(after.Options.AdoptGrace - TimeSpan.FromSeconds(1));
        Assert.Single(after.Engine.Open());
        after.Step(1);

        Assert.Empty(after.Engine.Open());
        Assert.Equal(fired.Id, Assert.Single(Assert.Single(after.Notifier.Of(NoticeKind.Resolved)).Alerts).Id);
        var resolved = after.Incidents.Get(fired.Id)!.Timeline[^1];
        Assert.Equal(IncidentEventKind.Resolved, resolved.Kind);
        Assert.Contains("not seen again after the collector started", resolved.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledged_StaysAcknowledged_NoReminders()
    {
        var before = new AlertHarness([TestRules.Fps(TimeSpan.Zero)]);
        var fired = FireAndNotify(before);
        Assert.Equal(ActionResult.Done, before.Engine.Acknowledge(fired.Id, "wang", "on my way"));

        var after = Restart(before, TimeSpan.FromSeconds(10));
        after.Engine.Adopt(after.Incidents.Query(new IncidentFilter()), after.Evaluator.Rules);
        for (var i = 0; i < 70; i++)
        {
            after.Stream("s1", "r1", 20);
            after.Step(60);
        }

        var open = Assert.Single(after.Engine.Open());
        Assert.Equal((AlertState.Acknowledged, "wang", "on my way"), (open.State, open.AcknowledgedBy, open.Note));
        Assert.Empty(after.Notifier.Notices);
        Assert.Equal(ActionResult.AlreadyDone, after.Engine.Acknowledge(fired.Id, "li"));
    }

    [Fact]
    public void Firing_RemindersResumeFromTheLastNotice_NotFromTheStart()
    {
        var before = new AlertHarness([TestRules.Fps(TimeSpan.Zero)]);
        FireAndNotify(before);

        var after = Restart(before, TimeSpan.FromMinutes(10));
        after.Engine.Adopt(after.Incidents.Query(new IncidentFilter()), after.Evaluator.Rules);
        for (var minute = 0; minute < 19; minute++)
        {
            after.Stream("s1", "r1", 20);
            after.Step(60);
        }

        Assert.Empty(after.Notifier.Notices);
        after.Stream("s1", "r1", 20);
        after.Step(60);
        Assert.Single(after.Notifier.Of(NoticeKind.Reminder)); // 30 min after the notice before the restart
    }

    [Fact]
    public void RuleGone_OrAnOlderOrphanOfTheSameRule_ClosedAtOnceWithTheReason()
    {
        var before = new AlertHarness([TestRules.Fps(TimeSpan.Zero), TestRules.Fps(TimeSpan.Zero) with { Id = "fps_very_low", Threshold = 15 }]);
        before.Stream("s1", "r1", 10);
        before.Step(2);
        var both = before.Engine.Open();
        Assert.Equal(2, both.Count);
        // An orphan left by an earlier start that did not adopt: same rule and room, fired earlier, never resolved.
        var orphan = both.Single(a => a.RuleId == "fps_low") with { Id = "0123456789abcdef", FiredAt = before.Time.GetUtcNow().AddHours(-1) };
        before.Incidents.Record(orphan, IncidentEventKind.Fired, orphan.FiredAt!.Value);

        var after = Restart(before, TimeSpan.FromSeconds(5), [TestRules.Fps(TimeSpan.Zero)]);
        Assert.Equal(1, after.Engine.Adopt(after.Incidents.Query(new IncidentFilter()), after.Evaluator.Rules));

        Assert.Equal("fps_low", Assert.Single(after.Engine.Open()).RuleId);
        Assert.NotEqual(orphan.Id, after.Engine.Open()[0].Id);
        Assert.Contains("later alert of the same rule", after.Incidents.Get(orphan.Id)!.Timeline[^1].Detail, StringComparison.Ordinal);
        var gone = both.Single(a => a.RuleId == "fps_very_low");
        Assert.Equal(AlertState.Resolved, after.Incidents.Get(gone.Id)!.Alert.State);
        Assert.Contains("its rule no longer exists", after.Incidents.Get(gone.Id)!.Timeline[^1].Detail, StringComparison.Ordinal);
        Assert.Empty(after.Notifier.Notices);
    }

    private static AlertSnapshot FireAndNotify(AlertHarness h)
    {
        h.Stream("s1", "r1", 20);
        h.Step(1);
        h.Step(1);
        Assert.Single(h.Notifier.Of(NoticeKind.Firing));
        return Assert.Single(h.Engine.Open());
    }

    // A new engine and evaluator (nothing in memory) with the same incident records, some time later.
    private static AlertHarness Restart(AlertHarness before, TimeSpan downFor, IReadOnlyList<AlertRule>? rules = null)
    {
        before.Time.Advance(downFor);
        return new AlertHarness(rules ?? before.Evaluator.Rules, before.Rooms, before.Options, before.Incidents, before.Time);
    }
}
