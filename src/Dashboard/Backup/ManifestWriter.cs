using System.Text.Json;

namespace LiveRoom.Dashboard.Backup;

/// <summary>Describes a finished backup directory in <c>manifest.json</c>: written last, temp-then-rename, so a directory with a manifest holds a whole backup.</summary>
internal static class ManifestWriter
{
    public static async Task<BackupManifest> WriteAsync(string directory, BackupSettings settings, DateTimeOffset started, DateTimeOffset completed, CancellationToken cancellationToken)
    {
        var files = Checksums.Describe(directory);
        var manifest = new BackupManifest
        {
            Format = BackupDefaults.Format,
            Product = BackupProduct.Name,
            Version = BackupProduct.Version,
            StartedUtc = started.ToUniversalTime(),
            CompletedUtc = completed.ToUniversalTime(),
            Host = Environment.MachineName,
            Database = settings.Database,
            Parts =
            [
                Part(files, BackupDefaults.StorePart, settings.StorePath, "configuration store (SQLite): users, sessions, audit log, sites, rooms, shows, framing references"),
                Part(files, BackupDefaults.InfluxPart, $"influxd {settings.Options.InfluxRpc} database {settings.Database}", "InfluxDB portable backup: the database's retention policies, continuous queries and points"),
                Part(files, BackupDefaults.EvidencePart, settings.EvidenceDirectory, "evidence thumbnails and framing reference candidates (JPEG)"),
            ],
            Files = files,
        };

        var path = Path.Combine(directory, BackupDefaults.ManifestFile);
        await File.WriteAllTextAsync(path + ".tmp", JsonSerializer.Serialize(manifest, BackupJsonContext.Written.BackupManifest) + "\n", cancellationToken).ConfigureAwait(false);
        File.Move(path + ".tmp", path);
        return manifest;
    }

    private static ManifestPart Part(IReadOnlyList<ManifestFile> files, string name, string source, string what)
    {
        var inPart = files.Where(f => f.Path.StartsWith(name + "/", StringComparison.Ordinal)).ToList();
        return new ManifestPart(name, source, what, inPart.Count, inPart.Sum(f => f.Bytes));
    }
}
