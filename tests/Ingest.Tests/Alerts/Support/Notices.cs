using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Tests.Alerts.Support;

internal static class Notices
{
    public static AlertNotice Firing(string key = "firing-a1-1", string room = "r1") => new(
        NoticeKind.Firing,
        "s1",
        [new AlertSnapshot("a1", "fps_low", "Frame rate below 30 fps", AlertSeverity.Warning, "s1", room, AlertState.Firing, 15, RuleOperator.Below, 29.5,
            new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 22, 6, 0, 10, TimeSpan.Zero), null, null, null, null, 0, "morning show")],
        [new RotaEntry { Site = "s1", Level = 0, Name = "tech", Mobile = "13800000001", Email = "tech@example.test" }],
        new Dictionary<string, string> { ["a1"] = "http://127.0.0.1:5081/alerts/token" },
        key,
        new DateTimeOffset(2026, 11, 22, 6, 0, 11, TimeSpan.Zero));
}
