using LiveRoom.Ingest.Alerts.Lifecycle;

namespace LiveRoom.Ingest.Alerts.Incidents;

/// <summary>An alert episode with its timeline (seed clause 8.4 incident record).</summary>
public sealed record Incident(AlertSnapshot Alert, IReadOnlyList<IncidentEvent> Timeline);
