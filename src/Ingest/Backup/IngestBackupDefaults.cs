namespace LiveRoom.Ingest.Backup;

/// <summary>The names inside the collector's backup directory, in one place (the manifest's: <see cref="LiveRoom.Backup.BackupLayout"/>).</summary>
public static class IngestBackupDefaults
{
    /// <summary>The alert store's copy: <c>alerts/alerts.db</c>.</summary>
    public const string AlertsPart = "alerts";

    /// <summary>Name of a dated backup directory made by <c>--under</c>: <c>liveroom-ingest-yyyyMMddTHHmmssZ</c> (UTC), never taken for a dashboard's <c>liveroom-…</c> one.</summary>
    public const string DatedPrefix = "liveroom-ingest-";

    /// <summary>What the alert store holds, as the manifest says.</summary>
    public const string AlertsWhat = "alert store (SQLite): alert rules, silences, on-call rota, incident records with their timelines";
}
