namespace LiveRoom.Ingest.Alerts.Lifecycle;

/// <summary>pending → firing → acknowledged → resolved (issue 7 item 2).</summary>
public enum AlertState
{
    Pending,
    Firing,
    Acknowledged,
    Resolved,
}
