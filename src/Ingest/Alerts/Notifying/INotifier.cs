namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>Takes notices from the engine; must never block it.</summary>
public interface INotifier
{
    void Enqueue(AlertNotice notice);
}
