namespace LiveRoom.Ingest.Alerts.Rules;

/// <summary>
/// One alert rule (issue 7 item 1): a condition on one field of one metric kind of a room, how long it must hold
/// (<see cref="For"/>) before it fires, the recovery <see cref="Hysteresis"/>, <see cref="Severity"/> and when it applies.
/// Checked by <see cref="RuleValidator"/>.
/// </summary>
public sealed record AlertRule
{
    /// <summary>Stable identifier, e.g. <c>fps_low</c> (letters, digits, <c>_ -</c>).</summary>
    public required string Id { get; init; }

    /// <summary>What a person reads, e.g. "Frame rate below 30 fps".</summary>
    public required string Title { get; init; }

    /// <summary>Metric kind (<c>stream</c>, <c>audio</c>, <c>vision</c>, <c>network</c>, <c>host</c>, <c>event</c>) or <c>status</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Field compared; unused by <see cref="RuleOperator.Event"/>, <see cref="RuleOperator.Offline"/> and <see cref="RuleOperator.Absent"/>.</summary>
    public string Field { get; init; } = "";

    public required RuleOperator Operator { get; init; }

    /// <summary>Threshold in the field's unit (seconds of silence for <see cref="RuleOperator.Absent"/>).</summary>
    public double Threshold { get; init; }

    /// <summary>Recovery margin in the field's unit: a Below rule recovers at threshold + hysteresis; default 0.</summary>
    public double Hysteresis { get; init; }

    /// <summary>How long the condition must hold before the alert fires; default 0 (at once).</summary>
    public TimeSpan For { get; init; }

    public AlertSeverity Severity { get; init; } = AlertSeverity.Warning;

    public RuleApplies Applies { get; init; } = RuleApplies.WhileInUse;

    /// <summary>Alerts this one mutes while it fires.</summary>
    public InhibitScope Inhibits { get; init; } = InhibitScope.None;

    /// <summary>For <see cref="RuleOperator.Event"/>: the event type that fires.</summary>
    public string? EventType { get; init; }

    /// <summary>For <see cref="RuleOperator.Event"/>: an event type that recovers (e.g. stream_started for stream_stopped).</summary>
    public string? ClearEventType { get; init; }

    public bool Enabled { get; init; } = true;
}
