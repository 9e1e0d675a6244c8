namespace LiveRoom.Backup;

/// <summary>
/// One <c>backup --under</c> at a time per directory: its pruning would otherwise take another run's unfinished
/// directory for a leftover. An exclusive lock on <c>.liveroom-backup.lock</c>, dropped by the kernel however the process ends.
/// </summary>
public static class BackupLock
{
    public const string FileName = ".liveroom-backup.lock";

    public static IDisposable Take(string parent)
    {
        var path = Path.Combine(Path.GetFullPath(parent), FileName);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new BackupException($"{Path.GetDirectoryName(path)} is not writable: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new BackupException($"another backup is running under {Path.GetDirectoryName(path)} (it holds {FileName}), or the directory is not writable: {ex.Message}", ex);
        }
    }
}
