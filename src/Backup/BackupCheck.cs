namespace LiveRoom.Backup;

/// <summary>The outcome of checking a backup directory: its manifest, or the problem that makes it unusable (a refusal, not an error).</summary>
public sealed record BackupCheck(BackupManifest? Manifest, string? Problem)
{
    public bool Ok => Problem is null;

    public static BackupCheck Refused(string problem) => new(null, problem);
}
