using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Alerts.Store;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Store;

public sealed class AlertStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new("alertstore");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FirstStart_SeedsDefaults_EditsSurviveReopen_DeletedDefaultsStayDeleted()
    {
        using (var store = new AlertStore(_dir.Combine("a.db")))
        {
            Assert.Equal(DefaultRules.All.Select(r => r.Id).Order(StringComparer.Ordinal), store.LoadRules().Select(r => r.Id));
            Assert.Empty(store.SaveRule(TestRules.Fps() with { Threshold = 25 }));
            store.DeleteRule("data_gap");
            store.SaveRota([new RotaEntry { Site = "s1", Level = 0, Name = "tech", Days = [DayOfWeek.Monday], From = new TimeOnly(8, 0), To = new TimeOnly(20, 0) }]);
        }

        using var reopened = new AlertStore(_dir.Combine("a.db"));
        var rules = reopened.LoadRules();
        Assert.Equal(25, rules.Single(r => r.Id == "fps_low").Threshold);
        Assert.DoesNotContain(rules, r => r.Id == "data_gap");
        var rota = Assert.Single(reopened.LoadRota());
        Assert.Equal((new TimeOnly(8, 0), DayOfWeek.Monday), (rota.From!.Value, rota.Days![0]));
    }

    [Fact]
    public void SaveRule_UnknownMetricOrNegativeFor_IsRefusedWithMessage()
    {
        using var store = new AlertStore(_dir.Combine("b.db"));
        var unknown = store.SaveRule(TestRules.Fps() with { Field = "fpz" });
        Assert.Contains("unknown metric field 'fpz'", Assert.Single(unknown).English, StringComparison.Ordinal);
        var kind = store.SaveRule(TestRules.Fps() with { Kind = "smell" });
        Assert.Contains("unknown metric kind 'smell'", kind[0].English, StringComparison.Ordinal);
        var negative = store.SaveRule(TestRules.Fps() with { For = TimeSpan.FromSeconds(-1) });
        Assert.Contains("for is -00:00:01", Assert.Single(negative).English, StringComparison.Ordinal);
        Assert.Equal(29.5, store.LoadRules().Single(r => r.Id == "fps_low").Threshold);
    }

    [Fact]
    public void Silences_WithoutExpiryRefused_ExpiredNotLoaded()
    {
        using var store = new AlertStore(_dir.Combine("c.db"));
        var now = new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
        Assert.NotEmpty(store.SaveSilence(new Silence { Id = "forever", StartsAt = now, EndsAt = DateTimeOffset.MaxValue, CreatedBy = "a" }));
        Assert.Empty(store.SaveSilence(new Silence { Id = "short", RuleId = "fps_low", StartsAt = now, EndsAt = now.AddHours(1), CreatedBy = "a" }));
        Assert.Equal("short", Assert.Single(store.LoadSilences(now)).Id);
        Assert.Empty(store.LoadSilences(now.AddHours(2)));
    }

    [Fact]
    public void Incidents_AreKeptWithTimeline_AcrossRestart()
    {
        var h = new AlertHarness([TestRules.Fps(TimeSpan.Zero)]);
        using (var store = new AlertStore(_dir.Combine("d.db")))
        {
            var log = new IncidentLog(store);
            var alert = Notices.Firing().Alerts[0];
            log.Record(alert, IncidentEventKind.Fired, h.Time.GetUtcNow());
            log.Record(alert with { State = AlertState.Resolved }, IncidentEventKind.Resolved, h.Time.GetUtcNow().AddMinutes(3), "li", "fixed");
        }

        using var reopened = new AlertStore(_dir.Combine("d.db"));
        var log2 = new IncidentLog(reopened);
        log2.Load();
        var incident = Assert.Single(log2.Query(new IncidentFilter(Show: "morning show")));
        Assert.Equal(AlertState.Resolved, incident.Alert.State);
        Assert.Equal([IncidentEventKind.Fired, IncidentEventKind.Resolved], incident.Timeline.Select(e => e.Kind));
        Assert.Empty(log2.Query(new IncidentFilter(From: h.Time.GetUtcNow().AddDays(1))));
    }
}
