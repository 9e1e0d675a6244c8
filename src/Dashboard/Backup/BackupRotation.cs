using System.Globalization;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// Dated backups under one directory (<c>backup --under DIR --keep N</c>, what the daily timer runs): each run makes
/// <c>liveroom-yyyyMMddTHHmmssZ</c> (UTC, so names sort by time), and only the newest N whole backups are kept.
/// Nothing but such names is ever touched.
/// </summary>
internal static class BackupRotation
{
    private const string Stamp = "yyyyMMdd'T'HHmmss'Z'";

    public static string DatedName(DateTimeOffset now) =>
        BackupDefaults.DatedPrefix + now.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture);

    /// <summary>
    /// Removes every dated backup of <paramref name="parent"/> but the newest <paramref name="keep"/> complete ones
    /// (with a manifest), and dated leftovers without a manifest (a run killed midway) other than <paramref name="current"/>.
    /// Returns the removed directories.
    /// </summary>
    public static IReadOnlyList<string> Prune(string parent, int keep, string current)
    {
        var dated = Directory.EnumerateDirectories(parent)
            .Where(d => IsDated(Path.GetFileName(d)) && !string.Equals(Path.GetFullPath(d), Path.GetFullPath(current), StringComparison.Ordinal))
            .OrderDescending(StringComparer.Ordinal)
            .ToList();
        var complete = dated.Where(d => File.Exists(Path.Combine(d, BackupDefaults.ManifestFile))).ToList();
        var currentIsComplete = File.Exists(Path.Combine(current, BackupDefaults.ManifestFile));
        var keepOthers = Math.Max(0, keep - (currentIsComplete ? 1 : 0));
        var remove = complete.Skip(keepOthers).Concat(dated.Except(complete)).ToList();
        foreach (var dir in remove)
        {
            Directory.Delete(dir, recursive: true);
        }

        return remove;
    }

    private static bool IsDated(string? name) =>
        name is not null
        && name.StartsWith(BackupDefaults.DatedPrefix, StringComparison.Ordinal)
        && DateTime.TryParseExact(name[BackupDefaults.DatedPrefix.Length..], Stamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
