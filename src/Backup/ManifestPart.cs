namespace LiveRoom.Backup;

/// <summary>One part of a backup: its directory in the backup, where it came from, what it is, and how much it holds.</summary>
public sealed record ManifestPart(string Name, string Source, string What, int Files, long Bytes);
