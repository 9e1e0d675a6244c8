namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>Sends one notice to one receiver. Throws <see cref="NotificationException"/> (retried) on failure.</summary>
public interface INotificationSender
{
    string Name { get; }

    Task SendAsync(AlertNotice notice, CancellationToken cancellationToken);
}
