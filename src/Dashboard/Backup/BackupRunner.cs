using LiveRoom.Dashboard.Options;
using LiveRoom.Backup;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// One backup (seed clause 4.3): the configuration store (online backup API), the InfluxDB database (influxd's portable
/// backup), the evidence thumbnails, then <c>manifest.json</c> with every file's size and SHA-256. Nothing is created
/// until the store and InfluxDB's RPC address are found; a backup that fails removes what it wrote.
/// </summary>
internal sealed class BackupRunner(BackupSettings settings, TimeProvider time)
{
    private readonly InfluxTool _influx = new(settings.Options);

    public async Task<BackupManifest> RunAsync(string directory, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.StorePath))
        {
            throw new BackupException(settings.Store.Missing);
        }

        await _influx.EnsureReachableAsync(cancellationToken).ConfigureAwait(false);
        var target = BackupTarget.Prepare(directory, out var problem) ?? throw new BackupException(problem!);
        try
        {
            return await WriteAsync(target.Path, cancellationToken).ConfigureAwait(false);
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

    private async Task<BackupManifest> WriteAsync(string directory, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var store = Path.Combine(directory, BackupDefaults.StorePart, DashboardDefaults.DatabaseFile);
        StoreCopy.Backup(settings.Store, store);
        await _influx.BackupAsync(settings.Database, Path.Combine(directory, BackupDefaults.InfluxPart), cancellationToken).ConfigureAwait(false);
        EvidenceCopy.Copy(settings.EvidenceDirectory, Path.Combine(directory, BackupDefaults.EvidencePart), overwrite: false);

        return await DashboardManifest.WriteAsync(directory, settings, started, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
