using System.Globalization;
using System.Text.Json.Serialization;

namespace LiveRoom.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup directory: what was backed up, from where, when (UTC), by which program and version,
/// and the size and SHA-256 of every file, so a copy that travelled off-site can be checked before it is restored.
/// </summary>
public sealed record BackupManifest
{
    /// <summary>Manifest format (<see cref="BackupLayout.Format"/>).</summary>
    public required int Format { get; init; }

    /// <summary>The program that wrote it (<see cref="BackupProduct.Dashboard"/> or <see cref="BackupProduct.Ingest"/>); only that program restores it.</summary>
    public required string Product { get; init; }

    /// <summary>That program's version, e.g. <c>1.0.0+abc</c>.</summary>
    public required string Version { get; init; }

    /// <summary>When the backup began (the store's snapshot is from this moment), UTC.</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>When the last file was written, UTC.</summary>
    public required DateTimeOffset CompletedUtc { get; init; }

    /// <summary>The machine it ran on.</summary>
    public required string Host { get; init; }

    /// <summary>The InfluxDB database in <c>influxdb/</c> (the dashboard's backups); absent when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Database { get; init; }

    public required IReadOnlyList<ManifestPart> Parts { get; init; }

    /// <summary>Every file but the manifest, by path relative to the backup directory ('/'-separated), ordinal order.</summary>
    public required IReadOnlyList<ManifestFile> Files { get; init; }

    /// <summary>What <c>restore</c> prints of an intact backup in <paramref name="directory"/>.</summary>
    public string Describe(string directory) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Path.GetFullPath(directory)} is intact: {Files.Count} file(s), {Files.Sum(f => f.Bytes)} bytes, backed up {StartedUtc:yyyy-MM-dd HH:mm:ss}Z on {Host} by {Product} {Version}{(Database is null ? string.Empty : $", InfluxDB database '{Database}'")}");
}
