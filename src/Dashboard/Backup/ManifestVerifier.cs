using System.Globalization;
using System.Text.Json;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// Checks a backup directory before anything is restored from it: the manifest is there and readable, and every file it
/// lists has its size and SHA-256. The first problem is returned, naming the file.
/// </summary>
internal static class ManifestVerifier
{
    public static BackupCheck Verify(string directory)
    {
        var path = Path.Combine(directory, BackupDefaults.ManifestFile);
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

        if (manifest.Format != BackupDefaults.Format)
        {
            return BackupCheck.Refused(string.Create(CultureInfo.InvariantCulture, $"{path} has format {manifest.Format}; this version reads format {BackupDefaults.Format} (written by {manifest.Product})"));
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
