namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup directory: what was backed up, from where, when (UTC), by which version, and the size
/// and SHA-256 of every file, so a copy that travelled off-site can be checked before it is restored.
/// </summary>
internal sealed record BackupManifest
{
    /// <summary>Manifest format (<see cref="BackupDefaults.Format"/>).</summary>
    public required int Format { get; init; }

    /// <summary>The program and version that wrote it, e.g. <c>liveroom-dashboard 1.0.0+abc</c>.</summary>
    public required string Product { get; init; }

    public required string Version { get; init; }

    /// <summary>When the backup began (the store's snapshot is from this moment), UTC.</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>When the last file was written, UTC.</summary>
    public required DateTimeOffset CompletedUtc { get; init; }

    /// <summary>The machine it ran on.</summary>
    public required string Host { get; init; }

    /// <summary>The InfluxDB database in <c>influxdb/</c>.</summary>
    public required string Database { get; init; }

    public required IReadOnlyList<ManifestPart> Parts { get; init; }

    /// <summary>Every file but the manifest, by path relative to the backup directory ('/'-separated), ordinal order.</summary>
    public required IReadOnlyList<ManifestFile> Files { get; init; }
}

/// <summary>One part of a backup: its directory in the backup, where it came from, and how much it holds.</summary>
internal sealed record ManifestPart(string Name, string Source, string What, int Files, long Bytes);

/// <summary>One file of a backup: relative path, size in bytes, SHA-256 as lowercase hex.</summary>
internal sealed record ManifestFile(string Path, long Bytes, string Sha256);
