using LiveRoom.Ingest.Alerts;
using LiveRoom.Backup;

namespace LiveRoom.Ingest.Backup;

/// <summary>
/// One backup of the collector's alert store (seed clauses 4.3, 8.1–8.4: the incident records must survive the
/// machine): an online copy through SQLite's backup API while the collector runs, then <c>manifest.json</c>. Nothing is
/// created when the store is missing; a backup that fails removes what it wrote.
/// </summary>
internal static class AlertStoreBackup
{
    public static async Task<BackupManifest> RunAsync(StoreFile store, string directory, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!File.Exists(store.Path))
        {
            throw new BackupException(store.Missing);
        }

        var target = BackupTarget.Prepare(directory, out var problem) ?? throw new BackupException(problem!);
        try
        {
            var started = time.GetUtcNow();
            StoreCopy.Backup(store, Path.Combine(target.Path, IngestBackupDefaults.AlertsPart, AlertDefaults.StoreFile));
            return await ManifestWriter.WriteAsync(
                target.Path,
                BackupProduct.Ingest,
                database: null,
                [new PartSource(IngestBackupDefaults.AlertsPart, store.Path, IngestBackupDefaults.AlertsWhat)],
                started,
                time.GetUtcNow(),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BackupException or OperationCanceledException or IOException or UnauthorizedAccessException)
        {
            target.Discard();
            if (ex is IOException or UnauthorizedAccessException)
            {
                throw new BackupException($"writing the backup into {target.Path} failed: {ex.Message}", ex);
            }

            throw;
        }
    }

    /// <summary>
    /// Restores the alert store from <paramref name="directory"/>, with the collector stopped: refused, changing
    /// nothing, when the backup holds no alert store, the store is open (a running collector) or exists without
    /// <paramref name="force"/>.
    /// </summary>
    public static void Restore(string directory, StoreFile store, bool force)
    {
        var manifest = ManifestVerifier.Require(directory, BackupProduct.Ingest);
        const string copy = IngestBackupDefaults.AlertsPart + "/" + AlertDefaults.StoreFile;
        if (!manifest.Files.Any(f => f.Path == copy))
        {
            throw new BackupException($"{Path.GetFullPath(directory)} holds no {copy}: not a collector backup");
        }

        if (StoreCopy.InUse(store.Path))
        {
            throw new BackupException($"{store.Name} {store.Path} is open by another process (a running liveroom-ingest): stop the collector first (systemctl stop liveroom-ingest)");
        }

        if (File.Exists(store.Path) && !force)
        {
            throw new BackupException($"{store.Name} {store.Path} exists; restore replaces it only with --force (stop liveroom-ingest first)");
        }

        StoreCopy.Restore(Path.Combine(Path.GetFullPath(directory), IngestBackupDefaults.AlertsPart, AlertDefaults.StoreFile), store);
    }
}
