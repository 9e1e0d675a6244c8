using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LiveRoom.Contracts.Text;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Replication;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using Microsoft.Data.Sqlite;

namespace LiveRoom.Ingest.Alerts.Store;

/// <summary>
/// The alerting part of the configuration store (SQLite): rules (the shipped defaults on first start), silences, rota
/// and incidents with their timelines. Each row holds the record as JSON, so adding a field needs no migration.
/// One connection, serialised by a lock (writes are rare: config changes and alert steps).
/// </summary>
public sealed class AlertStore : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();

    public AlertStore(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Execute("""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            CREATE TABLE IF NOT EXISTS rules (id TEXT PRIMARY KEY, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS silences (id TEXT PRIMARY KEY, json TEXT NOT NULL, ends_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS rota (n INTEGER PRIMARY KEY, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS incidents (alert_id TEXT PRIMARY KEY, json TEXT NOT NULL, site TEXT, room TEXT, fired_at INTEGER);
            CREATE TABLE IF NOT EXISTS incident_events (alert_id TEXT NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS incident_events_alert ON incident_events(alert_id);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """);
    }

    /// <summary>The rules; on first start the shipped <see cref="DefaultRules"/> are stored and returned.</summary>
    public IReadOnlyList<AlertRule> LoadRules()
    {
        lock (_lock)
        {
            if (Scalar("SELECT value FROM meta WHERE key='rules_seeded'") is null)
            {
                foreach (var rule in DefaultRules.All)
                {
                    Upsert("rules", rule.Id, rule);
                }

                Execute("INSERT INTO meta(key, value) VALUES('rules_seeded', '1')");
            }

            return ReadAll<AlertRule>("SELECT json FROM rules ORDER BY id");
        }
    }

    /// <summary>Adds or replaces a rule; refused with the reasons when <see cref="RuleValidator"/> finds a problem.</summary>
    public IReadOnlyList<LocalText> SaveRule(AlertRule rule)
    {
        var failures = RuleValidator.Check(rule);
        if (failures.Count == 0)
        {
            lock (_lock)
            {
                Upsert("rules", rule.Id, rule);
            }
        }

        return failures;
    }

    public void DeleteRule(string id)
    {
        lock (_lock)
        {
            using var cmd = Command("DELETE FROM rules WHERE id=$id", ("$id", id));
            cmd.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<LocalText> SaveSilence(Silence silence)
    {
        var failures = SilenceValidator.Check(silence);
        if (failures.Count == 0)
        {
            lock (_lock)
            {
                InsertSilence(silence);
            }
        }

        return failures;
    }

    /// <summary>Silences that have not expired at <paramref name="now"/>.</summary>
    public IReadOnlyList<Silence> LoadSilences(DateTimeOffset now)
    {
        lock (_lock)
        {
            return ReadAll<Silence>("SELECT json FROM silences WHERE ends_at > $now", ("$now", now.ToUnixTimeSeconds()));
        }
    }

    public void SaveRota(IReadOnlyList<RotaEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            Execute("DELETE FROM rota");
            InsertRota(entries);
            tx.Commit();
        }
    }

    public IReadOnlyList<RotaEntry> LoadRota()
    {
        lock (_lock)
        {
            return ReadAll<RotaEntry>("SELECT json FROM rota ORDER BY n");
        }
    }

    public void SaveIncident(AlertSnapshot alert, IncidentEvent e)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            UpsertIncident(alert);
            InsertEvent(e);
            tx.Commit();
        }
    }

    /// <summary>Stores <paramref name="incident"/> (another collector's copy) in place of what this store has for that alert, in one transaction.</summary>
    public void ReplaceIncident(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var alert = incident.Alert;
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            UpsertIncident(alert);
            using (var cmd = Command("DELETE FROM incident_events WHERE alert_id=$id", ("$id", alert.Id)))
            {
                cmd.ExecuteNonQuery();
            }

            foreach (var e in incident.Timeline)
            {
                InsertEvent(e);
            }

            tx.Commit();
        }
    }

    public IReadOnlyList<Incident> LoadIncidents()
    {
        lock (_lock)
        {
            var events = ReadAll<IncidentEvent>("SELECT json FROM incident_events ORDER BY rowid").ToLookup(e => e.AlertId, StringComparer.Ordinal);
            return ReadAll<AlertSnapshot>("SELECT json FROM incidents ORDER BY fired_at").Select(a => new Incident(a, events[a.Id].ToArray())).ToArray();
        }
    }

    /// <summary>How many times the alert configuration was changed (its <see cref="AlertConfiguration.Revision"/>) and when last; 0 and null before any change.</summary>
    public (long Revision, DateTimeOffset? ChangedAt) ConfigurationRevision()
    {
        lock (_lock)
        {
            return ReadRevision();
        }
    }

    /// <summary>Records a change of rules, silences or rota made here; returns its revision.</summary>
    public long MarkConfigurationChanged(DateTimeOffset at)
    {
        lock (_lock)
        {
            var revision = ReadRevision().Revision + 1;
            WriteRevision(revision, at);
            return revision;
        }
    }

    /// <summary>
    /// Replaces rules, rota and silences with <paramref name="configuration"/> (another collector's, already checked)
    /// and takes over its revision, in one transaction.
    /// </summary>
    public void ReplaceConfiguration(AlertConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            Execute("DELETE FROM rules; DELETE FROM rota; DELETE FROM silences; INSERT OR REPLACE INTO meta(key, value) VALUES('rules_seeded', '1');");
            foreach (var rule in configuration.Rules)
            {
                Upsert("rules", rule.Id, rule);
            }

            InsertRota(configuration.Rota);
            foreach (var silence in configuration.Silences)
            {
                InsertSilence(silence);
            }

            WriteRevision(configuration.Revision, configuration.ChangedAt);
            tx.Commit();
        }
    }

    public void Dispose() => _db.Dispose();

    private (long Revision, DateTimeOffset? ChangedAt) ReadRevision()
    {
        var revision = Scalar("SELECT value FROM meta WHERE key='config_revision'") is string r ? long.Parse(r, CultureInfo.InvariantCulture) : 0;
        var at = Scalar("SELECT value FROM meta WHERE key='config_changed_at'") is string t ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(t, CultureInfo.InvariantCulture)) : (DateTimeOffset?)null;
        return (revision, at);
    }

    private void WriteRevision(long revision, DateTimeOffset? at)
    {
        using (var cmd = Command("INSERT OR REPLACE INTO meta(key, value) VALUES('config_revision', $v)", ("$v", revision.ToString(CultureInfo.InvariantCulture))))
        {
            cmd.ExecuteNonQuery();
        }

        using var when = at is { } a
            ? Command("INSERT OR REPLACE INTO meta(key, value) VALUES('config_changed_at', $v)", ("$v", a.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)))
            : Command("DELETE FROM meta WHERE key='config_changed_at'");
        when.ExecuteNonQuery();
    }

    private void UpsertIncident(AlertSnapshot alert)
    {
        using var cmd = Command(
            "INSERT OR REPLACE INTO incidents(alert_id, json, site, room, fired_at) VALUES($id, $json, $site, $room, $fired)",
            ("$id", alert.Id), ("$json", JsonSerializer.Serialize(alert, Json)), ("$site", alert.Site), ("$room", alert.Room), ("$fired", (alert.FiredAt ?? alert.Since).ToUnixTimeMilliseconds()));
        cmd.ExecuteNonQuery();
    }

    private void InsertEvent(IncidentEvent e)
    {
        using var cmd = Command("INSERT INTO incident_events(alert_id, json) VALUES($id, $json)", ("$id", e.AlertId), ("$json", JsonSerializer.Serialize(e, Json)));
        cmd.ExecuteNonQuery();
    }

    private void InsertRota(IReadOnlyList<RotaEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            using var cmd = Command("INSERT INTO rota(n, json) VALUES($n, $json)", ("$n", i), ("$json", JsonSerializer.Serialize(entries[i], Json)));
            cmd.ExecuteNonQuery();
        }
    }

    private void InsertSilence(Silence silence)
    {
        using var cmd = Command("INSERT OR REPLACE INTO silences(id, json, ends_at) VALUES($id, $json, $ends)", ("$id", silence.Id), ("$json", JsonSerializer.Serialize(silence, Json)), ("$ends", silence.EndsAt.ToUnixTimeSeconds()));
        cmd.ExecuteNonQuery();
    }

    private void Upsert<T>(string table, string id, T value)
    {
        using var cmd = Command($"INSERT OR REPLACE INTO {table}(id, json) VALUES($id, $json)", ("$id", id), ("$json", JsonSerializer.Serialize(value, Json)));
        cmd.ExecuteNonQuery();
    }

    private List<T> ReadAll<T>(string sql, params (string, object)[] args)
    {
        using var cmd = Command(sql, args);
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), Json)!);
        }

        return list;
    }

    private object? Scalar(string sql)
    {
        using var cmd = Command(sql);
        return cmd.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] args)
    {
        var cmd = _db.CreateCommand();
#pragma warning disable CA2100 // table names are constants of this class; values are parameters
        cmd.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd;
    }
}
