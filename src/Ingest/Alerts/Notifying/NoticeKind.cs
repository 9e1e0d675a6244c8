namespace LiveRoom.Ingest.Alerts.Notifying;

public enum NoticeKind
{
    Firing,
    Reminder,
    Escalation,
    Resolved,

    /// <summary>A test of the channels asked for on the alerts page (<see cref="NotificationDispatcher.TestAsync"/>): no alert behind it.</summary>
    Test,
}
