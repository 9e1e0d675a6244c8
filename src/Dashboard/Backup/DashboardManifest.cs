using LiveRoom.Backup;

namespace LiveRoom.Dashboard.Backup;

/// <summary>The dashboard's <c>manifest.json</c>: its three parts (store, InfluxDB, thumbnails) and the database, as <see cref="ManifestWriter"/> writes it.</summary>
internal static class DashboardManifest
{
    public static Task<BackupManifest> WriteAsync(string directory, BackupSettings settings, DateTimeOffset started, DateTimeOffset completed, CancellationToken cancellationToken) =>
        ManifestWriter.WriteAsync(
            directory,
            BackupProduct.Dashboard,
            settings.Database,
            [
                new(BackupDefaults.StorePart, settings.StorePath, "configuration store (SQLite): users, sessions, audit log, sites, rooms, shows, framing references"),
                new(BackupDefaults.InfluxPart, $"influxd {settings.Options.InfluxRpc} database {settings.Database}", "InfluxDB portable backup: the database's retention policies, continuous queries and points"),
                new(BackupDefaults.EvidencePart, settings.EvidenceDirectory, "evidence thumbnails and framing reference candidates (JPEG)"),
            ],
            started,
            completed,
            cancellationToken);
}
