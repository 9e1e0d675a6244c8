using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Store;
using LiveRoom.Ingest.Tests.Alerts.Support;

namespace LiveRoom.Ingest.Tests.Backup;

/// <summary>An alert store written through the real <see cref="AlertStore"/> API: an edited rule, a rota entry and an incident with its timeline.</summary>
internal static class AlertStoreFiles
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Creates (or adds to) the store at <paramref name="path"/>; the returned store keeps it open, as the running collector does.</summary>
    public static AlertStore Create(string path, string onCall = "tech", double threshold = 25)
    {
        var store = new AlertStore(path);
        store.LoadRules();
        Assert.Empty(store.SaveRule(TestRules.Fps() with { Threshold = threshold }));
        store.SaveRota([new RotaEntry { Site = "s1", Level = 0, Name = onCall, Days = [DayOfWeek.Monday], From = new TimeOnly(8, 0), To = new TimeOnly(20, 0) }]);
        var log = new IncidentLog(store);
        var alert = Notices.Firing().Alerts[0];
        log.Record(alert, IncidentEventKind.Fired, Now);
        log.Record(alert with { State = AlertState.Resolved }, IncidentEventKind.Resolved, Now.AddMinutes(3), "li", "fixed");
        return store;
    }

    /// <summary>Reopens <paramref name="path"/> with <see cref="AlertStore"/> and checks what <see cref="Create"/> wrote is there.</summary>
    public static void AssertHolds(string path, string onCall = "tech", double threshold = 25)
    {
        using var store = new AlertStore(path);
        Assert.Equal(threshold, store.LoadRules().Single(r => r.Id == "fps_low").Threshold);
        var rota = Assert.Single(store.LoadRota());
        Assert.Equal((onCall, new TimeOnly(8, 0), DayOfWeek.Monday), (rota.Name, rota.From!.Value, rota.Days![0]));
        var incident = Assert.Single(store.LoadIncidents());
        Assert.Equal(AlertState.Resolved, incident.Alert.State);
        Assert.Equal([IncidentEventKind.Fired, IncidentEventKind.Resolved], incident.Timeline.Select(e => e.Kind));
        Assert.Equal(("li", "fixed"), (incident.Timeline[1].Who, incident.Timeline[1].Detail));
    }
}
