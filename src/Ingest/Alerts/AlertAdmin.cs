using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Alerts.Store;

namespace LiveRoom.Ingest.Alerts;

/// <summary>
/// Admin changes (issue 7 item 1: rules editable through the API; silences; rota): validated, stored, and applied to
/// the running evaluator/engine at once. A refusal is a list of messages, nothing is changed then.
/// </summary>
public sealed class AlertAdmin(AlertStore store, RuleEvaluator evaluator, AlertEngine engine, OnCallRota rota)
{
    public IReadOnlyList<AlertRule> Rules() => store.LoadRules();

    public IReadOnlyList<string> SaveRule(AlertRule rule)
    {
        var failures = store.SaveRule(rule);
        if (failures.Count == 0)
        {
            evaluator.SetRules(store.LoadRules());
        }

        return failures;
    }

    public void DeleteRule(string id)
    {
        store.DeleteRule(id);
        evaluator.SetRules(store.LoadRules());
    }

    public IReadOnlyList<string> AddSilence(Silence silence)
    {
        var failures = engine.AddSilence(silence);
        if (failures.Count == 0)
        {
            store.SaveSilence(silence);
        }

        return failures;
    }

    public IReadOnlyList<RotaEntry> Rota() => rota.Entries;

    public IReadOnlyList<string> SetRota(IReadOnlyList<RotaEntry> entries)
    {
        var failures = entries.Where(e => string.IsNullOrWhiteSpace(e.Site) || string.IsNullOrWhiteSpace(e.Name) || e.Level is < 0 or > 9)
            .Select(e => $"rota entry '{e.Name}' of site '{e.Site}': site and name must be set and level 0–9").ToList();
        if (failures.Count == 0)
        {
            store.SaveRota(entries);
            rota.Set(entries);
        }

        return failures;
    }
}
