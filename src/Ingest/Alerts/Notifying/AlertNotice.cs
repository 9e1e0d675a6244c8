using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rota;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// One message to send: a group of alerts (one site or room), whom it is for, a link per alert and a key that stays
/// the same across retries (receivers drop duplicates by it). A <see cref="NoticeKind.Test"/> notice has no alerts: its
/// <see cref="GroupKey"/> is the site and <see cref="SentBy"/> who asked for it.
/// </summary>
public sealed record AlertNotice(
    NoticeKind Kind,
    string GroupKey,
    IReadOnlyList<AlertSnapshot> Alerts,
    IReadOnlyList<RotaEntry> Recipients,
    IReadOnlyDictionary<string, string> Links,
    string IdempotencyKey,
    DateTimeOffset CreatedAt,
    string? SentBy = null);
