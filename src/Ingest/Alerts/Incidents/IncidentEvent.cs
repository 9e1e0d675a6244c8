namespace LiveRoom.Ingest.Alerts.Incidents;

/// <summary>One line of an incident's timeline: what happened, when, who (if a person), details.</summary>
public sealed record IncidentEvent(string AlertId, DateTimeOffset At, IncidentEventKind Kind, string? Who, string? Detail);
