using System.Security.Cryptography;

namespace LiveRoom.Backup;

/// <summary>Sizes and SHA-256 of the files of a backup directory.</summary>
public static class Checksums
{
    /// <summary>Every file under <paramref name="root"/> but the manifest, in ordinal order of their relative paths.</summary>
    public static IReadOnlyList<ManifestFile> Describe(string root) =>
    [
        .. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Relative(root, f)))
            .Where(f => f.Relative != BackupLayout.ManifestFile)
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => new ManifestFile(f.Relative, new FileInfo(f.Full).Length, Sha256(f.Full))),
    ];

    /// <summary>SHA-256 of a file as lowercase hex.</summary>
    public static string Sha256(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The manifest's form of a path: relative to the backup directory, '/'-separated.</summary>
    public static string Relative(string root, string file) =>
        Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
}
