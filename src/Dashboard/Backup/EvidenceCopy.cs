using LiveRoom.Backup;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// Copies the evidence thumbnails (<c>{site}/{room}/{day}/*.jpg</c>, seed clause 6.2.3) file by file. The dashboard keeps
/// writing them temp-then-rename and the retention sweep removes whole days, so a <c>.tmp</c> file is skipped and a file
/// that vanishes while it is copied is left out; every picture is complete once written, so no snapshot is needed.
/// </summary>
internal static class EvidenceCopy
{
    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/>; returns the files and bytes copied (none when <paramref name="from"/> does not exist).</summary>
    public static (int Files, long Bytes) Copy(string from, string to, bool overwrite)
    {
        if (!Directory.Exists(from))
        {
            return (0, 0);
        }

        var (files, bytes) = (0, 0L);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite);
                bytes += new FileInfo(target).Length;
                files++;
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Swept by the retention while we copied: it is not evidence any more.
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new BackupException($"cannot copy {file} to {target}: {ex.Message}", ex);
            }
        }

        return (files, bytes);
    }

    /// <summary>True when <paramref name="directory"/> holds at least one file.</summary>
    public static bool HasFiles(string directory) =>
        Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Any();
}
