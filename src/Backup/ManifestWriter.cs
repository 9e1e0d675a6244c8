using System.Text.Json;

namespace LiveRoom.Backup;

/// <summary>Describes a finished backup directory in <c>manifest.json</c>: written last, temp-then-rename, so a directory with a manifest holds a whole backup.</summary>
public static class ManifestWriter
{
    /// <param name="directory">The backup directory, every part already in it.</param>
    /// <param name="product">The program writing it (<see cref="BackupProduct"/>).</param>
    /// <param name="database">The InfluxDB database backed up, or null.</param>
    /// <param name="parts">The parts, in the order they are listed.</param>
    /// <param name="started">When the backup began.</param>
    /// <param name="completed">When the last part was written.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static async Task<BackupManifest> WriteAsync(
        string directory, string product, string? database, IReadOnlyList<PartSource> parts, DateTimeOffset started, DateTimeOffset completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var files = Checksums.Describe(directory);
        var manifest = new BackupManifest
        {
            Format = BackupLayout.Format,
            Product = product,
            Version = BackupProduct.Version,
            StartedUtc = started.ToUniversalTime(),
            CompletedUtc = completed.ToUniversalTime(),
            Host = Environment.MachineName,
            Database = database,
            Parts = [.. parts.Select(p => Part(files, p))],
            Files = files,
        };

        var path = Path.Combine(directory, BackupLayout.ManifestFile);
        await File.WriteAllTextAsync(path + ".tmp", JsonSerializer.Serialize(manifest, BackupJsonContext.Written.BackupManifest) + "\n", cancellationToken).ConfigureAwait(false);
        File.Move(path + ".tmp", path);
        return manifest;
    }

    private static ManifestPart Part(IReadOnlyList<ManifestFile> files, PartSource part)
    {
        var inPart = files.Where(f => f.Path.StartsWith(part.Name + "/", StringComparison.Ordinal)).ToList();
        return new ManifestPart(part.Name, part.Source, part.What, inPart.Count, inPart.Sum(f => f.Bytes));
    }
}
