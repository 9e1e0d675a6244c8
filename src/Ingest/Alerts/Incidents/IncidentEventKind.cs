namespace LiveRoom.Ingest.Alerts.Incidents;

public enum IncidentEventKind
{
    Fired,
    Notified,
    Reminded,
    Escalated,
    Acknowledged,
    Resolved,
    Muted,
}
