namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>
/// Points of kind <see cref="MetricKind.Checklist"/> (published through the outbox on <c>checklist</c>, so every run is
/// stored for 60+ days, seed 8.4/9 records): one point per item result or confirmation, with tag
/// <see cref="ItemTag"/>, plus one point per run change with item <see cref="RunItem"/>.
/// </summary>
public static class ChecklistFields
{
    /// <summary>Tag: the item id (e.g. <c>uplink</c>, <c>resolution</c>, or a manual item's id); <see cref="RunItem"/> for the run itself.</summary>
    public const string ItemTag = "item";

    public const string RunItem = "_run";

    /// <summary>Run id (string field).</summary>
    public const string Run = "run";

    /// <summary>Show id (string field); empty for an on-demand run with no show.</summary>
    public const string Show = "show";

    /// <summary>pass, warn, fail, pending (not measured yet), open (manual item not confirmed yet), confirmed (manual); for the run: running, ready, not-ready, aborted.</summary>
    public const string Status = "status";

    /// <summary>Measured value as text with its unit (e.g. <c>2.1 Mbit/s</c>).</summary>
    public const string Value = "value";

    /// <summary>Measured value as a number where there is one.</summary>
    public const string Number = "number";

    /// <summary>The threshold applied, as text (e.g. <c>≥ 4 Mbit/s</c>).</summary>
    public const string Threshold = "threshold";

    /// <summary>The seed clause the item serves (e.g. <c>6.2.1.1</c>).</summary>
    public const string Clause = "clause";

    /// <summary>Who confirmed a manual item or started an on-demand run.</summary>
    public const string By = "by";

    /// <summary>Whether the run was all-pass by T-10 min (run point, at T-10); false escalates (alert rule <c>checklist_not_ready</c>).</summary>
    public const string ReadyAtT10 = "ready_at_t10";
}
