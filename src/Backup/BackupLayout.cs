namespace LiveRoom.Backup;

/// <summary>What every LiveRoom backup directory has, whichever program wrote it (<c>liveroom-dashboard</c>, <c>liveroom-ingest</c>).</summary>
public static class BackupLayout
{
    /// <summary>The manifest: written last, so a directory without it is an incomplete backup.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>Manifest format this version writes and reads.</summary>
    public const int Format = 1;

    /// <summary>Largest <c>--keep</c>: 1000 backups.</summary>
    public const int MaxKeep = 1000;
}
