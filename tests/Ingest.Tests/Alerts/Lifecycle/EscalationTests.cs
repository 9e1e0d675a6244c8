using LiveRoom.Ingest.Alerts.Acknowledging;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Tests.Alerts.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Tests.Alerts.Lifecycle;

/// <summary>Rota, escalation and acknowledgement through the link (issue 7 items 4 and 5).</summary>
public sealed class EscalationTests
{
    private static AlertHarness WithRota()
    {
        var h = new AlertHarness([TestRules.Fps(TimeSpan.Zero, severity: AlertSeverity.Critical)]);
        h.Rota.Set(
        [
            new RotaEntry { Site = "s1", Level = 0, Name = "tech-day", Mobile = "13800000001", From = new TimeOnly(6, 0), To = new TimeOnly(18, 0) },
            new RotaEntry { Site = "s1", Level = 0, Name = "tech-night", Mobile = "13800000002", From = new TimeOnly(18, 0), To = new TimeOnly(6, 0) },
            new RotaEntry { Site = "*", Level = 1, Name = "oncall", Mobile = "13800000003", Email = "oncall@example.test" },
            new RotaEntry { Site = "s1", Level = 2, Name = "manager", Email = "boss@example.test" },
        ]);
        return h;
    }

    [Fact]
    public void Critical_UnacknowledgedForEscalateAfter_GoesToNextLevel_AndIsRecorded()
    {
        var h = WithRota(); // the fake clock starts at 06:00 UTC: the day technician is on duty
        h.Stream("s1", "r1", 10);
        h.Step(1);
        Assert.Equal("tech-day", Assert.Single(Assert.Single(h.Notifier.Notices).Recipients).Name);
        Assert.Contains("@13800000001", NotificationText.Markdown(h.Notifier.Notices.Single()), StringComparison.Ordinal);

        h.Step(TimeSpan.FromMinutes(9));
        Assert.Empty(h.Notifier.Of(NoticeKind.Escalation));
        h.Step(TimeSpan.FromMinutes(1));
        var first = Assert.Single(h.Notifier.Of(NoticeKind.Escalation));
        Assert.Equal("oncall", Assert.Single(first.Recipients).Name);

        h.Step(TimeSpan.FromMinutes(10));
        var escalations = h.Notifier.Of(NoticeKind.Escalation);
        Assert.Equal(2, escalations.Count);
        Assert.Equal("manager", Assert.Single(escalations[1].Recipients).Name);

        h.Step(TimeSpan.FromMinutes(30)); // top of the rota: no further level
        Assert.Equal(2, h.Notifier.Of(NoticeKind.Escalation).Count);
        var steps = h.Incidents.Query(new IncidentFilter()).Single().Timeline.Where(e => e.Kind == IncidentEventKind.Escalated).ToList();
        Assert.Equal(["level 1: oncall", "level 2: manager"], steps.Select(e => e.Detail));
    }

    [Fact]
    public void CoverOnItsDate_IsWhomTheEscalationGoesTo_NotTheWeeklyOnCall()
    {
        var h = WithRota();
        var today = DateOnly.FromDateTime(h.Time.GetUtcNow().UtcDateTime);
        h.Rota.Set([.. h.Rota.Entries, new RotaEntry { Site = "s1", Level = 1, Name = "stand-in", Mobile = "13800000009", Cover = true, FirstDate = today, LastDate = today }]);
        h.Stream("s1", "r1", 10);
        h.Step(1);
        h.Step(TimeSpan.FromMinutes(10));

        var escalation = Assert.Single(h.Notifier.Of(NoticeKind.Escalation));
        Assert.Equal("stand-in", Assert.Single(escalation.Recipients).Name);
        Assert.Contains("@13800000009", NotificationText.Markdown(escalation), StringComparison.Ordinal);
        Assert.Equal("level 1: stand-in", h.Incidents.Query(new IncidentFilter()).Single().Timeline.Single(e => e.Kind == IncidentEventKind.Escalated).Detail);
    }

    [Fact]
    public void AcknowledgeThroughSignedLink_StopsRemindersAndEscalation()
    {
        var h = WithRota();
        h.Stream("s1", "r1", 10);
        h.Step(1);
        var link = Assert.Single(h.Notifier.Notices).Links.Values.Single();
        var token = link[(link.LastIndexOf('/') + 1)..];
        var acknowledger = new AlertAcknowledger(h.Engine, h.Signer, NullLogger.Instance);

        h.Step(TimeSpan.FromMinutes(5));
        var (check, result) = acknowledger.Acknowledge(token, "tech-day", "on my way");
        Assert.Equal(TokenCheck.Valid, check);
        Assert.Equal(ActionResult.Done, result);

        h.Step(TimeSpan.FromHours(4));
        Assert.Empty(h.Notifier.Of(NoticeKind.Escalation));
        Assert.Empty(h.Notifier.Of(NoticeKind.Reminder));
        var ack = h.Incidents.Query(new IncidentFilter()).Single().Timeline.Single(e => e.Kind == IncidentEventKind.Acknowledged);
        Assert.Equal(("tech-day", "on my way"), (ack.Who, ack.Detail));
    }

    [Fact]
    public void NightShift_WrapsMidnight()
    {
        var h = WithRota();
        h.Time.Advance(TimeSpan.FromHours(20)); // 02:00 UTC next day
        Assert.Equal("tech-night", Assert.Single(h.Rota.OnDuty("s1", 0, h.Time.GetUtcNow())).Name);
        Assert.Equal(2, h.Rota.TopLevel("s1"));
    }
}
