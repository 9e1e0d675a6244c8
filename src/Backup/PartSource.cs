namespace LiveRoom.Backup;

/// <summary>A part as the program describes it: its directory in the backup, where it came from, what it is.</summary>
public sealed record PartSource(string Name, string Source, string What);
