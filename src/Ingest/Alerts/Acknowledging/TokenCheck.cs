namespace LiveRoom.Ingest.Alerts.Acknowledging;

public enum TokenCheck
{
    Valid,
    Malformed,
    BadSignature,
    Expired,
}
