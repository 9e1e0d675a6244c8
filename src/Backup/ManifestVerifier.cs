using System.Globalization;
using System.Text.Json;

namespace LiveRoom.Backup;

/// <summary>
/// Checks a backup directory before anything is restored from it: the manifest is there and readable, and every file it
/// lists has its size and SHA-256, and it is a backup of the program that restores it. The first problem is returned,
/// naming the file.
/// </summary>
public static class ManifestVerifier
{
    /// <summary>The manifest of an intact backup of <paramref name="product"/>, or <see cref="BackupException"/> naming the first bad file (or the other program).</summary>
    public static BackupManifest Require(string directory, string product)
    {
        var check = Verify(Path.GetFullPath(directory), product);
        return check.Manifest ?? throw new BackupException($"backup refused: {check.Problem}");
    }

    /// <param name="directory">The backup directory.</param>
    /// <param name="product">The program restoring it (<see cref="BackupProduct"/>): a backup another program wrote is refused. Null accepts any.</param>
    public static BackupCheck Verify(string directory, string? product = null)
    {
        var path = Path.Combine(directory, BackupLayout.ManifestFile);
        if (!Directory.Exists(directory))
        {
            return BackupCheck.Refused($"{directory} does not exist");
        }

        if (!File.Exists(path))
        {
            return BackupCheck.Refused($"{path} is missing: {directory} is not a LiveRoom backup, or an incomplete one (the manifest is written last)");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllText(path), BackupJsonContext.Default.BackupManifest);
        }
        catch (JsonException ex)
        {
            return BackupCheck.Refused($"{path} is not a valid manifest: {ex.Message}");
        }

        if (manifest is null)
        {
            return BackupCheck.Refused($"{path} is empty");
        }

        if (manifest.Format != BackupLayout.Format)
        {
            return BackupCheck.Refused(string.Create(CultureInfo.InvariantCulture, $"{path} has format {manifest.Format}; this version reads format {BackupLayout.Format} (written by {manifest.Product})"));
        }

        if (product is not null && !string.Equals(manifest.Product, product, StringComparison.Ordinal))
        {
            return BackupCheck.Refused($"{directory} is a backup of {manifest.Product}, not of {product}: restore it with '{manifest.Product} restore'");
        }

        foreach (var file in manifest.Files)
        {
            if (CheckFile(directory, file) is { } problem)
            {
                return BackupCheck.Refused(problem);
            }
        }

        return new BackupCheck(manifest, null);
    }

    private static string? CheckFile(string directory, ManifestFile file)
    {
        // A manifest names files inside its directory only: an edited one must not make a restore read elsewhere.
        if (file.Path.Length == 0 || Path.IsPathRooted(file.Path) || file.Path.Split('/').Any(s => s is "" or "." or ".."))
        {
            return $"the manifest lists '{file.Path}', which is not a path inside the backup";
        }

        var full = Path.Combine(directory, file.Path.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(full))
        {
            return $"{file.Path} is missing from the backup";
        }

        var bytes = new FileInfo(full).Length;
        if (bytes != file.Bytes)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{file.Path} is corrupted: it has {bytes} bytes, the manifest says {file.Bytes}");
        }

        var sha = Checksums.Sha256(full);
        return string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{file.Path} is corrupted: its SHA-256 is {sha}, the manifest says {file.Sha256}";
    }
}
