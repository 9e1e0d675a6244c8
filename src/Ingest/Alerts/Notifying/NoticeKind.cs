namespace LiveRoom.Ingest.Alerts.Notifying;

public enum NoticeKind
{
    Firing,
    Reminder,
    Escalation,
    Resolved,
}
