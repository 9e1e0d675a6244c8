using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Tests.Alerts.Support;

namespace LiveRoom.Ingest.Tests.Alerts.Lifecycle;

/// <summary>The alert life cycle on a fake clock (issue 7 item 2).</summary>
public sealed class AlertEngineTests
{
    [Fact]
    public void LifeCycle_PendingFiringAcknowledgedResolved_WithTimestamps()
    {
        var h = new AlertHarness([TestRules.Fps()]);
        var t0 = h.Time.GetUtcNow();
        h.Stream("s1", "r1", 30);
        h.Step();
        Assert.Empty(h.Engine.Open());

        h.Stream("s1", "r1", 20);
        h.Step();
        Assert.Equal(AlertState.Pending, Assert.Single(h.Engine.Open()).State);

        h.Step(9.9);
        Assert.Equal(AlertState.Pending, Assert.Single(h.Engine.Open()).State);
        h.Step(0.1);
        var firing = Assert.Single(h.Engine.Open());
        Assert.Equal(AlertState.Firing, firing.State);
        Assert.Equal(t0 + TimeSpan.FromSeconds(10), firing.FiredAt);
        Assert.Empty(h.Notifier.Notices); // group wait

        h.Step(1);
        var notice = Assert.Single(h.Notifier.Notices);
        Assert.Equal(NoticeKind.Firing, notice.Kind);
        Assert.Equal(20, Assert.Single(notice.Alerts).Value);
        Assert.Contains("20 < 29.5", NotificationText.Markdown(notice), StringComparison.Ordinal);
        Assert.Contains("show-1", NotificationText.Markdown(notice), StringComparison.Ordinal);

        h.Step(60);
        Assert.Equal(ActionResult.Done, h.Engine.Acknowledge(firing.Id, "wang"));
        Assert.Equal(ActionResult.AlreadyDone, h.Engine.Acknowledge(firing.Id, "li"));
        var acked = Assert.Single(h.Engine.Open());
        Assert.Equal(AlertState.Acknowledged, acked.State);
        Assert.Equal("wang", acked.AcknowledgedBy);
        Assert.Equal(t0 + TimeSpan.FromSeconds(71), acked.AcknowledgedAt);

        h.Stream("s1", "r1", 30);
        h.Step();
        Assert.Empty(h.Engine.Open());
        var resolved = Assert.Single(h.Notifier.Of(NoticeKind.Resolved));
        Assert.Equal(AlertState.Resolved, Assert.Single(resolved.Alerts).State);
        var timeline = h.Incidents.Get(firing.Id)!.Timeline.Select(e => e.Kind);
        Assert.Equal([IncidentEventKind.Fired, IncidentEventKind.Notified, IncidentEventKind.Acknowledged, IncidentEventKind.Resolved], timeline);
    }

    [Fact]
    public void Firing_RoomStateNamesTheSiteZone_MessageGivesLocalTimeAndUtc()
    {
        var h = new AlertHarness([TestRules.Fps(TimeSpan.Zero)]);
        h.Rooms.Default = new RoomState(RoomUse.Live, "show-1", "Asia/Shanghai");
        var t0 = h.Time.GetUtcNow();
        h.Stream("s1", "r1", 20);
        h.Step();
        h.Step(1);

        var alert = Assert.Single(Assert.Single(h.Notifier.Notices).Alerts);
        Assert.Equal("Asia/Shanghai", alert.TimeZone);
        var local = TimeZoneInfo.ConvertTime(t0, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Contains(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"since {local:yyyy-MM-dd HH:mm:ss} Asia/Shanghai ({t0.UtcDateTime:HH:mm:ss} UTC)"),
            NotificationText.Markdown(Assert.Single(h.Notifier.Notices)),
            StringComparison.Ordinal);
        Assert.Equal("Asia/Shanghai", h.Incidents.Get(alert.Id)!.Alert.TimeZone);
    }

    [Fact]
    public void Pending_RecoversBeforeFor_NeverFiresNorNotifies()
    {
        var h = new AlertHarness([TestRules.Fps()]);
        h.Stream("s1", "r1", 20);
        h.Step(5);
        h.Stream("s1", "r1", 30);
        h.Step(60);
        Assert.Empty(h.Engine.Open());
        Assert.Empty(h.Notifier.Notices);
        Assert.Empty(h.Incidents.Query(new IncidentFilter()));
    }

    [Fact]
    public void Hysteresis_ValueBetweenThresholdAndRecovery_KeepsFiring()
    {
        var h = new AlertHarness([TestRules.Fps(TimeSpan.Zero)]);
        h.Stream("s1", "r1", 29);
        h.Step(1);
        Assert.Single(h.Notifier.Of(NoticeKind.Firing));
        h.Stream("s1", "r1", 29.6); // above 29.5 but below 29.5 + 0.3
        h.Step(1);
        Assert.Equal(AlertState.Firing, Assert.Single(h.Engine.Open()).State);
        h.Stream("s1", "r1", 29.9);
        h.Step(1);
        Assert.Empty(h.Engine.Open());
        Assert.Single(h.Notifier.Of(NoticeKind.Resolved));
    }

    [Fact]
    public void FreeRoom_RuleWhileInUse_DoesNotFireUntilTheRoomIsInUse()
    {
        var h = new AlertHarness([TestRules.Fps(TimeSpan.Zero)]);
        h.Rooms.Default = new RoomState(RoomUse.Free);
        h.Stream("s1", "r1", 10);
        h.Step(600);
        Assert.Equal(AlertState.Pending, Assert.Single(h.Engine.Open()).State);
        Assert.Empty(h.Notifier.Notices);

        h.Rooms.Default = new RoomState(RoomUse.Booked, "morning show");
        h.Step(1);
        var alert = Assert.Single(Assert.Single(h.Notifier.Notices).Alerts);
        Assert.Equal("morning show", alert.Show);
    }

    [Fact]
    public void DefaultRoomState_StreamNeverUp_IsFree_StreamCutAfterLive_Alerts()
    {
        var h = new AlertHarness();
        var rules = new[] { DefaultRules.All.Single(r => r.Id == "stream_down") with { For = TimeSpan.Zero } };
        var sink = new Forward();
        var evaluator = new RuleEvaluator(rules, sink, h.Time);
        var engine = new AlertEngine(h.Options, new StreamRoomStateProvider(evaluator, h.Time, TimeSpan.FromMinutes(15)), h.Rota, h.Incidents, h.Notifier, id => id, h.Time);
        sink.Target = engine;

        // An empty room at 3 a.m.: the encoder is off, the stream was never up.
        evaluator.OnBatch(AlertHarness.Batch("s1", "idle", h.Point("stream", ("up", false))));
        // A live room whose stream is cut.
        evaluator.OnBatch(AlertHarness.Batch("s1", "live", h.Point("stream", ("up", true))));
        evaluator.OnBatch(AlertHarness.Batch("s1", "live", h.Point("stream", ("up", false))));
        engine.ProcessPending();
        h.Time.Advance(TimeSpan.FromSeconds(2));
        engine.ProcessPending();

        var notice = Assert.Single(h.Notifier.Notices);
        Assert.Equal("live", Assert.Single(notice.Alerts).Room);
        Assert.Contains(engine.Open(), a => a.Room == "idle" && a.State == AlertState.Pending);
    }

    [Fact]
    public void SiteUplinkFault_ManyRoomsDegraded_OneMessage()
    {
        var h = new AlertHarness([TestRules.Fps(TimeSpan.Zero), TestRules.SiteUplink()]);
        for (var i = 1; i <= 8; i++)
        {
            h.Stream("s1", $"r{i}", 12);
        }

        h.Step(0.3);
        h.Uplink("s1", "r1", 0.2); // the cause, seen a moment after its effects
        h.Step(2);
        h.Step(2);

        var notice = Assert.Single(h.Notifier.Notices);
        Assert.Equal("site_uplink_down", Assert.Single(notice.Alerts).RuleId);
        Assert.Equal(8, h.Engine.Open().Count(a => a.RuleId == "fps_low" && a.State == AlertState.Firing));
        Assert.Equal(8, h.Incidents.Query(new IncidentFilter(Site: "s1")).Count(i => i.Timeline.Any(e => e.Kind == IncidentEventKind.Muted)));
    }

    [Fact]
    public void EdgesOfflineTogether_SameSite_GroupedIntoOneMessage()
    {
        var h = new AlertHarness([TestRules.Offline(), TestRules.Fps(TimeSpan.Zero)]);
        for (var i = 1; i <= 5; i++)
        {
            h.Evaluator.OnStatus("s1", $"r{i}", online: false);
        }

        h.Evaluator.OnStatus("s2", "r1", online: false);
        h.Step(2);
        var notices = h.Notifier.Notices.ToList();
        Assert.Equal(2, notices.Count);
        Assert.Equal(5, Assert.Single(notices, n => n.GroupKey == "s1").Alerts.Count);
        Assert.Contains("5 alerts", NotificationText.Title(notices.Single(n => n.GroupKey == "s1")), StringComparison.Ordinal);

        // Edge offline inhibits the room's other alerts.
        h.Stream("s1", "r1", 5);
        h.Step(2);
        Assert.Equal(2, h.Notifier.Notices.Count);

        h.Evaluator.OnStatus("s1", "r1", online: true);
        h.Step(2);
        Assert.Single(h.Notifier.Of(NoticeKind.Resolved));
        Assert.Equal("fps_low", Assert.Single(h.Notifier.Of(NoticeKind.Firing).Skip(2)).Alerts.Single().RuleId);
    }

    [Fact]
    public void Reminder_FiringUnacknowledged_RepeatsUntilAcknowledged()
    {
        var h = new AlertHarness([TestRules.Fps(TimeSpan.Zero)]);
        h.Stream("s1", "r1", 10);
        h.Step(1);
        h.Step(TimeSpan.FromMinutes(30));
        h.Step(TimeSpan.FromMinutes(30));
        Assert.Equal(2, h.Notifier.Of(NoticeKind.Reminder).Count);

        h.Engine.Acknowledge(h.Engine.Open()[0].Id, "zhao");
        h.Step(TimeSpan.FromHours(3));
        Assert.Equal(2, h.Notifier.Of(NoticeKind.Reminder).Count);
    }

    [Fact]
    public void Silence_MatchingAlert_IsNotNotifiedUntilItExpires()
    {
        var h = new AlertHarness([TestRules.Fps(TimeSpan.Zero)]);
        var now = h.Time.GetUtcNow();
        Assert.Empty(h.Engine.AddSilence(new Silence { Id = "m1", Site = "s1", Room = "r1", StartsAt = now, EndsAt = now.AddMinutes(30), CreatedBy = "admin" }));
        h.Stream("s1", "r1", 10);
        h.Stream("s1", "r2", 10);
        h.Step(2);
        Assert.Equal("r2", Assert.Single(Assert.Single(h.Notifier.Notices).Alerts).Room);

        h.Step(TimeSpan.FromMinutes(31));
        h.Step(1);
        Assert.Contains(h.Notifier.Of(NoticeKind.Firing), n => n.Alerts.Any(a => a.Room == "r1"));
    }

    [Fact]
    public void AddSilence_WithoutExpiry_IsRefusedWithReason()
    {
        var h = new AlertHarness();
        var failures = h.Engine.AddSilence(new Silence { Id = "x", StartsAt = h.Time.GetUtcNow(), EndsAt = default, CreatedBy = "admin" });
        Assert.Contains("no expiry", Assert.Single(failures).English, StringComparison.Ordinal);
        Assert.Empty(h.Engine.Silences());
    }

    [Fact]
    public void MaintenanceWindow_Recurring_IsActiveOnlyInsideTheDailyWindow()
    {
        var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var window = new Silence
        {
            Id = "nightly", StartsAt = monday, EndsAt = monday.AddDays(30), CreatedBy = "admin",
            Days = [DayOfWeek.Monday], DailyStart = new TimeOnly(23, 0), DailyDuration = TimeSpan.FromHours(2),
        };
        Assert.Empty(SilenceValidator.Check(window));
        Assert.True(window.IsActive(monday.AddHours(23.5)));
        Assert.True(window.IsActive(monday.AddHours(24.5))); // past midnight, into Tuesday
        Assert.False(window.IsActive(monday.AddHours(22)));
        Assert.False(window.IsActive(monday.AddDays(1).AddHours(23.5))); // Tuesday night
    }

    private sealed class Forward : IConditionSink
    {
        public AlertEngine? Target { get; set; }

        public void Post(in ConditionChange change) => Target!.Post(change);
    }
}
