using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Lifecycle;

/// <summary>An immutable view of an alert for messages, pages and incident records.</summary>
public sealed record AlertSnapshot(
    string Id,
    string RuleId,
    string Title,
    AlertSeverity Severity,
    string Site,
    string Room,
    AlertState State,
    double? Value,
    RuleOperator Operator,
    double Threshold,
    DateTimeOffset Since,
    DateTimeOffset? FiredAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? Note,
    int EscalationLevel,
    string? Show,
    string? TimeZone = null);
