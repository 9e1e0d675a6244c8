using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>A rule's condition started (<see cref="Active"/>) or recovered in a room; <see cref="At"/> is the source time.</summary>
public readonly record struct ConditionChange(AlertRule Rule, string Site, string Room, bool Active, double? Value, DateTimeOffset At);
