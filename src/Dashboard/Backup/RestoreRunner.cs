using System.Globalization;
using LiveRoom.Dashboard.Options;
using LiveRoom.Backup;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// Restores a backup, with the dashboard stopped: the manifest's checksums first (a corrupted file refuses the whole
/// restore, naming it), then every refusal that changes nothing (an existing store or thumbnails without --force, a
/// store a running dashboard holds open, InfluxDB unreachable), then InfluxDB (the step influxd may refuse), then the store, then the thumbnails.
/// </summary>
internal sealed class RestoreRunner(BackupSettings settings, TextWriter progress)
{
    private readonly InfluxTool _influx = new(settings.Options);

    /// <param name="directory">The backup directory.</param>
    /// <param name="force">Replace an existing store (and add to existing thumbnails, same names overwritten).</param>
    /// <param name="newDatabase">Restore InfluxDB under this name (influxd's <c>-newdb</c>) instead of the backed-up one.</param>
    /// <param name="cancellationToken">Stops influxd.</param>
    public async Task RunAsync(string directory, bool force, string? newDatabase, CancellationToken cancellationToken)
    {
        var manifest = ManifestVerifier.Require(directory, BackupProduct.Dashboard);
        var storeCopy = Path.Combine(directory, BackupDefaults.StorePart, DashboardDefaults.DatabaseFile);
        if (!manifest.Files.Any(f => f.Path == BackupDefaults.StorePart + "/" + DashboardDefaults.DatabaseFile))
        {
            throw new BackupException($"{directory} holds no {BackupDefaults.StorePart}/{DashboardDefaults.DatabaseFile}: not a dashboard backup");
        }

        var backedUp = manifest.Database ?? throw new BackupException($"{directory}'s manifest names no InfluxDB database: not a dashboard backup");

        if (File.Exists(settings.StorePath) && !force)
        {
            throw new BackupException($"the configuration store {settings.StorePath} exists; restore replaces it only with --force (stop the dashboard first)");
        }

        if (StoreCopy.InUse(settings.StorePath))
        {
            throw new BackupException($"the configuration store {settings.StorePath} is open by another process (a running liveroom-dashboard): stop the dashboard first (systemctl stop liveroom-dashboard)");
        }

        var evidence = Path.Combine(directory, BackupDefaults.EvidencePart);
        if (EvidenceCopy.HasFiles(evidence) && EvidenceCopy.HasFiles(settings.EvidenceDirectory) && !force)
        {
            throw new BackupException($"the evidence directory {settings.EvidenceDirectory} holds thumbnails; restore adds to it only with --force (Dashboard:Evidence:Directory)");
        }

        await _influx.EnsureReachableAsync(cancellationToken).ConfigureAwait(false);
        var database = newDatabase ?? backedUp;
        await _influx.RestoreAsync(backedUp, newDatabase, Path.Combine(directory, BackupDefaults.InfluxPart), cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync($"restored InfluxDB database '{database}' through {settings.Options.InfluxRpc}").ConfigureAwait(false);
        if (database != settings.Database)
        {
            await progress.WriteLineAsync($"note: the dashboard reads database '{settings.Database}' (Dashboard:Influx:Database); set it to '{database}' or copy the points over").ConfigureAwait(false);
        }

        Then("InfluxDB was restored but the configuration store was not", () => StoreCopy.Restore(storeCopy, settings.Store));
        await progress.WriteLineAsync($"restored the configuration store to {settings.StorePath}").ConfigureAwait(false);
        var (files, _) = Then("InfluxDB and the store were restored but the thumbnails were not", () => EvidenceCopy.Copy(evidence, settings.EvidenceDirectory, overwrite: force));
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"restored {files} evidence file(s) to {settings.EvidenceDirectory}")).ConfigureAwait(false);
    }

    private static T Then<T>(string partly, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (BackupException ex)
        {
            throw new BackupException($"{partly}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"{partly}: {ex.Message}", ex);
        }
    }

    private static void Then(string partly, Action step) => Then(partly, () =>
    {
        step();
        return 0;
    });
}
