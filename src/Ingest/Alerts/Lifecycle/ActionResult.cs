namespace LiveRoom.Ingest.Alerts.Lifecycle;

/// <summary>Outcome of an acknowledgement or resolve request (a refusal is a result, not an exception).</summary>
public enum ActionResult
{
    Done,
    AlreadyDone,
    AlreadyResolved,
    UnknownAlert,
    NotFiring,
}
