namespace LiveRoom.Ingest.Alerts.Incidents;

/// <summary>Which incidents to export: per site/room, per show, per period (fired within [From, To)); nulls match all.</summary>
public sealed record IncidentFilter(string? Site = null, string? Room = null, string? Show = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
