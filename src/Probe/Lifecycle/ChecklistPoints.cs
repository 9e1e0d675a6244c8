using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// Points of kind <c>checklist</c> (fields in <see cref="ChecklistFields"/>, tag <c>item</c>): one per item result
/// change or confirmation, one per run status change; they go through the outbox like every measurement.
/// </summary>
internal static class ChecklistPoints
{
    public static MetricPoint Item(ChecklistRun run, ChecklistItemResult item) =>
        Point(item.Id, item.At, run, item.Status, item.Value, item.Number, item.Threshold, item.Clause, by: null);

    public static MetricPoint Manual(ChecklistRun run, ManualRecord item, long ts) =>
        Point(item.Id, ts, run, item.Confirmed ? ItemStatus.Confirmed : ItemStatus.Open, item.Text, null, "confirmed by a technician", "7.4.3", item.ConfirmedBy);

    /// <summary>The run's own point (item <c>_run</c>): status, a summary, passed count; <paramref name="readyAtDeadline"/> at T-10 only.</summary>
    public static MetricPoint Run(ChecklistRun run, long ts, string summary, int passed, bool? readyAtDeadline = null)
    {
        var point = Point(ChecklistFields.RunItem, ts, run, run.Status, summary, passed, null, "7.4.3", run.By);
        if (readyAtDeadline is { } ready)
        {
            var fields = new Dictionary<string, FieldValue>(point.Fields, StringComparer.Ordinal) { [ChecklistFields.ReadyAtT10] = ready };
            return point with { Fields = fields };
        }

        return point;
    }

    private static MetricPoint Point(string item, long ts, ChecklistRun run, string status, string value, double? number, string? threshold, string clause, string? by)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            [ChecklistFields.Run] = Cut(run.Id),
            [ChecklistFields.Show] = Cut(run.ShowId),
            [ChecklistFields.Status] = status,
            [ChecklistFields.Value] = Cut(value),
            [ChecklistFields.Clause] = clause,
        };
        if (number is { } n && double.IsFinite(n))
        {
            fields[ChecklistFields.Number] = n;
        }

        if (!string.IsNullOrEmpty(threshold))
        {
            fields[ChecklistFields.Threshold] = Cut(threshold);
        }

        if (!string.IsNullOrEmpty(by))
        {
            fields[ChecklistFields.By] = Cut(by);
        }

        return new MetricPoint
        {
            Seq = 0,
            Ts = ts,
            Kind = MetricKind.Checklist,
            Fields = fields,
            Tags = new Dictionary<string, string>(StringComparer.Ordinal) { [ChecklistFields.ItemTag] = item.Length > Limits.MaxKeyLength ? item[..Limits.MaxKeyLength] : item },
        };
    }

    private static string Cut(string text) => text.Length > Limits.MaxStringFieldLength ? text[..Limits.MaxStringFieldLength] : text;
}
