using LiveRoom.Contracts.Text;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Replication;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Alerts.Store;

namespace LiveRoom.Ingest.Alerts;

/// <summary>
/// Admin changes (issue 7 item 1: rules editable through the API; silences; rota): validated, stored, and applied to
/// the running evaluator/engine at once. A refusal is a list of messages, nothing is changed then. Each change counts
/// as a new revision of the <see cref="AlertConfiguration"/> that standby collectors follow (seed clause 4.3).
/// </summary>
public sealed class AlertAdmin(AlertStore store, RuleEvaluator evaluator, AlertEngine engine, OnCallRota rota, TimeProvider time, Notifying.ChannelTester? channels = null)
{
    /// <summary>Test notices through the configured channels; null where nothing sends notices.</summary>
    public Notifying.ChannelTester? Channels => channels;

    /// <summary>Raised after each change made here (not after <see cref="Apply"/>).</summary>
    public event EventHandler? ConfigurationChanged;

    public IReadOnlyList<AlertRule> Rules() => store.LoadRules();

    public IReadOnlyList<LocalText> SaveRule(AlertRule rule)
    {
        var failures = store.SaveRule(rule);
        if (failures.Count == 0)
        {
            evaluator.SetRules(store.LoadRules());
            Changed();
        }

        return failures;
    }

    public void DeleteRule(string id)
    {
        store.DeleteRule(id);
        evaluator.SetRules(store.LoadRules());
        Changed();
    }

    public IReadOnlyList<LocalText> AddSilence(Silence silence)
    {
        var failures = engine.AddSilence(silence);
        if (failures.Count == 0)
        {
            store.SaveSilence(silence);
            Changed();
        }

        return failures;
    }

    public IReadOnlyList<RotaEntry> Rota() => rota.Entries;

    /// <summary>Who is on duty now at each level (0 up to the site's top level) of each of <paramref name="sites"/>.</summary>
    public IReadOnlyList<OnDutyLevel> OnDuty(IEnumerable<string> sites)
    {
        var now = time.GetUtcNow();
        return sites.Distinct(StringComparer.Ordinal)
            .SelectMany(site => Enumerable.Range(0, rota.TopLevel(site) + 1).Select(level => new OnDutyLevel(site, level, rota.OnDuty(site, level, now))))
            .ToArray();
    }

    /// <summary>
    /// When nobody is on duty at a level (0 up to the site's top level) of each of <paramref name="sites"/> in the next
    /// <paramref name="days"/> days: the holes in the rota an alert would fall into, found before an alert finds them.
    /// </summary>
    public IReadOnlyList<RotaGap> Gaps(IEnumerable<string> sites, int days)
    {
        var now = time.GetUtcNow();
        var until = now.AddDays(days);
        return sites.Distinct(StringComparer.Ordinal)
            .SelectMany(site => Enumerable.Range(0, rota.TopLevel(site) + 1).SelectMany(level => rota.Gaps(site, level, now, until)))
            .ToArray();
    }

    public IReadOnlyList<LocalText> SetRota(IReadOnlyList<RotaEntry> entries)
    {
        var failures = RotaRules.Check(entries).ToList();
        if (failures.Count == 0)
        {
            store.SaveRota(entries);
            rota.Set(entries);
            Changed();
        }

        return failures;
    }

    /// <summary>This collector's configuration as it hands it to standbys.</summary>
    public AlertConfiguration Configuration(string? instance)
    {
        var (revision, changedAt) = store.ConfigurationRevision();
        return new AlertConfiguration
        {
            Instance = instance,
            Revision = revision,
            ChangedAt = changedAt,
            Rules = store.LoadRules(),
            Rota = store.LoadRota(),
            Silences = store.LoadSilences(time.GetUtcNow()),
        };
    }

    /// <summary>
    /// Takes another collector's configuration when it is newer (a higher revision) and sound: stored, and live in
    /// the evaluator, the rota and the engine at once. Nothing changes when it is refused or not newer.
    /// </summary>
    public ConfigurationOutcome Apply(AlertConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var failures = configuration.Check();
        if (failures.Count > 0)
        {
            return new ConfigurationOutcome(ConfigurationResult.Refused, failures);
        }

        var (revision, _) = store.ConfigurationRevision();
        if (configuration.Revision <= revision)
        {
            return new ConfigurationOutcome(ConfigurationResult.NotNewer, []);
        }

        store.ReplaceConfiguration(configuration);
        evaluator.SetRules(store.LoadRules());
        rota.Set(store.LoadRota());
        engine.ReplaceSilences(store.LoadSilences(time.GetUtcNow()));
        return new ConfigurationOutcome(ConfigurationResult.Applied, []);
    }

    private void Changed()
    {
        store.MarkConfigurationChanged(time.GetUtcNow());
        ConfigurationChanged?.Invoke(this, EventArgs.Empty);
    }
}
