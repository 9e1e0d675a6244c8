using System.Globalization;

namespace LiveRoom.Backup;

/// <summary>
/// Dated backups under one directory (<c>backup --under DIR --keep N</c>, what the daily timers run): each run makes
/// <c>{prefix}yyyyMMddTHHmmssZ</c> (UTC, so names sort by time), and only the newest N whole backups are kept.
/// Nothing but such names with the program's own prefix is ever touched (the dashboard's <c>liveroom-</c>, the
/// collector's <c>liveroom-ingest-</c>: neither name parses with the other's prefix).
/// </summary>
public static class BackupRotation
{
    private const string Stamp = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>
    /// One <c>backup --under</c> run: takes <see cref="BackupLock"/> on <paramref name="parent"/>, lets
    /// <paramref name="backupInto"/> write a new dated directory, then prunes to <paramref name="keep"/> (0: keep all)
    /// and prints each directory removed.
    /// </summary>
    public static async Task RunDatedAsync(string parent, string prefix, int keep, TimeProvider time, TextWriter stdout, Func<string, Task> backupInto)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(backupInto);
        using var gate = BackupLock.Take(parent);
        var target = Path.Combine(Path.GetFullPath(parent), DatedName(prefix, time.GetUtcNow()));
        await backupInto(target).ConfigureAwait(false);
        if (keep > 0)
        {
            foreach (var removed in Prune(parent, prefix, keep, target))
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"removed {removed} (--keep {keep})")).ConfigureAwait(false);
            }
        }
    }

    public static string DatedName(string prefix, DateTimeOffset now) =>
        prefix + now.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture);

    /// <summary>
    /// Removes every dated backup (<paramref name="prefix"/>) of <paramref name="parent"/> but the newest <paramref name="keep"/> complete ones
    /// (with a manifest), and dated leftovers without a manifest (a run killed midway) other than <paramref name="current"/>.
    /// Returns the removed directories.
    /// </summary>
    public static IReadOnlyList<string> Prune(string parent, string prefix, int keep, string current)
    {
        var dated = Directory.EnumerateDirectories(parent)
            .Where(d => IsDated(Path.GetFileName(d), prefix) && !string.Equals(Path.GetFullPath(d), Path.GetFullPath(current), StringComparison.Ordinal))
            .OrderDescending(StringComparer.Ordinal)
            .ToList();
        var complete = dated.Where(d => File.Exists(Path.Combine(d, BackupLayout.ManifestFile))).ToList();
        var currentIsComplete = File.Exists(Path.Combine(current, BackupLayout.ManifestFile));
        var keepOthers = Math.Max(0, keep - (currentIsComplete ? 1 : 0));
        var remove = complete.Skip(keepOthers).Concat(dated.Except(complete)).ToList();
        foreach (var dir in remove)
        {
            Directory.Delete(dir, recursive: true);
        }

        return remove;
    }

    private static bool IsDated(string? name, string prefix) =>
        name is not null
        && name.StartsWith(prefix, StringComparison.Ordinal)
        && DateTime.TryParseExact(name[prefix.Length..], Stamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
