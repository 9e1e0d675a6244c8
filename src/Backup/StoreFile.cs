namespace LiveRoom.Backup;

/// <summary>
/// A program's SQLite store as its backup names it in messages: <paramref name="Path"/>, what it is
/// (<paramref name="Name"/>, e.g. "the configuration store") and where it is configured (<paramref name="Setting"/>,
/// e.g. "Dashboard:Store:Path; default dashboard.db in $STATE_DIRECTORY or the working directory").
/// </summary>
public sealed record StoreFile(string Path, string Name, string Setting)
{
    /// <summary>The refusal when there is no store to back up.</summary>
    public string Missing => $"{Name} {Path} does not exist ({Setting})";
}
