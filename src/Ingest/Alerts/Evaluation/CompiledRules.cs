using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>Enabled rules indexed by kind so a point costs one dictionary look-up plus its own rules.</summary>
internal sealed class CompiledRules
{
    private static readonly int[] None = [];
    private readonly Dictionary<string, int[]> _byKind;

    public CompiledRules(IReadOnlyList<AlertRule> rules)
    {
        Rules = rules.Where(r => r.Enabled).ToArray();
        _byKind = Rules.Select((r, i) => (r, i)).Where(x => x.r.Operator != RuleOperator.Offline)
            .GroupBy(x => x.r.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);
        Status = Rules.Select((r, i) => (r, i)).Where(x => x.r.Operator == RuleOperator.Offline).Select(x => x.i).ToArray();
        Absent = Rules.Select((r, i) => (r, i)).Where(x => x.r.Operator == RuleOperator.Absent).Select(x => x.i).ToArray();
    }

    public AlertRule[] Rules { get; }

    public int[] Status { get; }

    public int[] Absent { get; }

    public int[] ForKind(string kind) => _byKind.TryGetValue(kind, out var r) ? r : None;
}
