namespace LiveRoom.Backup;

/// <summary>One file of a backup: relative path, size in bytes, SHA-256 as lowercase hex.</summary>
public sealed record ManifestFile(string Path, long Bytes, string Sha256);
