using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Lifecycle;

/// <summary>One alert episode of a rule in a room. Mutated only under the engine's lock; read through <see cref="AlertSnapshot"/>.</summary>
internal sealed class Alert(string id, AlertRule rule, string site, string room, DateTimeOffset pendingAt, DateTimeOffset since, double? value)
{
    public string Id { get; } = id;

    public AlertRule Rule { get; } = rule;

    public string Site { get; } = site;

    public string Room { get; } = room;

    public AlertState State { get; set; } = AlertState.Pending;

    public DateTimeOffset PendingAt { get; } = pendingAt;

    /// <summary>Source time the condition started.</summary>
    public DateTimeOffset Since { get; } = since;

    public double? Value { get; set; } = value;

    public DateTimeOffset? FiredAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? Note { get; set; }

    /// <summary>Last firing notice or reminder; null while never notified (muted or waiting for its group).</summary>
    public DateTimeOffset? NotifiedAt { get; set; }

    public bool Queued { get; set; }

    public int EscalationLevel { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public string? Show { get; set; }

    /// <summary>The room's site zone (IANA) as its edge reported it, for local times in messages; null when unknown.</summary>
    public string? TimeZone { get; set; }

    public AlertSnapshot Snapshot() => new(
        Id, Rule.Id, Rule.Title, Rule.Severity, Site, Room, State, Value, Rule.Operator, Rule.Threshold, Since, FiredAt,
        AcknowledgedAt, AcknowledgedBy, ResolvedAt, Note, EscalationLevel, Show, TimeZone);
}
