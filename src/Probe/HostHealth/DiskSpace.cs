namespace LiveRoom.Probe.HostHealth;

/// <summary>Free space of the filesystem holding a path (statvfs, through <see cref="DriveInfo"/>).</summary>
public static class DiskSpace
{
    /// <summary>Bytes available to this user, and the filesystem's size; measured at the nearest existing directory.</summary>
    /// <exception cref="IOException">no existing directory on the path.</exception>
    public static (long FreeBytes, long TotalBytes) Measure(string path)
    {
        var dir = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? "." : path);
        while (!Directory.Exists(dir))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new IOException($"no existing directory on '{path}'");
        }

        var drive = new DriveInfo(dir);
        return (drive.AvailableFreeSpace, drive.TotalSize);
    }
}
