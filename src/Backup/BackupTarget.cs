namespace LiveRoom.Backup;

/// <summary>
/// The directory a backup goes into: new or empty (a backup never mixes with another one or with other files), and
/// writable. On failure the backup's own files are removed again, so a directory holds a whole backup or none.
/// </summary>
public sealed class BackupTarget
{
    private const string WriteProbe = ".liveroom-write-test";

    private BackupTarget(string path, bool created)
    {
        Path = path;
        Created = created;
    }

    public string Path { get; }

    /// <summary>True when the directory did not exist before.</summary>
    public bool Created { get; }

    /// <summary>The target, or null with the reason in <paramref name="problem"/>.</summary>
    public static BackupTarget? Prepare(string directory, out string? problem)
    {
        var path = System.IO.Path.GetFullPath(directory);
        problem = null;
        if (File.Exists(path))
        {
            problem = $"{path} is a file; give a new or empty directory";
            return null;
        }

        var created = !Directory.Exists(path);
        if (!created && Directory.EnumerateFileSystemEntries(path).FirstOrDefault() is { } entry)
        {
            problem = $"{path} is not empty (it holds {System.IO.Path.GetFileName(entry)}, ...): a backup goes into a new or empty directory, so it never mixes with another";
            return null;
        }

        try
        {
            Directory.CreateDirectory(path);
            var probe = System.IO.Path.Combine(path, WriteProbe);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"{path} cannot be created or written: {ex.Message}";
            return null;
        }

        return new BackupTarget(path, created);
    }

    /// <summary>Removes what the failed backup wrote (the directory too when it made it). Best effort.</summary>
    public void Discard()
    {
        try
        {
            if (Created)
            {
                Directory.Delete(Path, recursive: true);
                return;
            }

            foreach (var entry in new DirectoryInfo(Path).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo dir)
                {
                    dir.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The error that made the backup fail is the one to report; a leftover without manifest.json is refused by restore.
        }
    }
}
