namespace LiveRoom.Ingest.Alerts.Rules;

/// <summary>How bad an alert is. Only <see cref="Critical"/> alerts escalate (issue 7 item 5).</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
