using Microsoft.Data.Sqlite;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>Re-import as a sync: shows matched by their source key are updated in place, stale ones removed.</summary>
internal sealed partial class ScheduleStore
{
    /// <summary>
    /// Stores an imported file's shows of <paramref name="site"/> in one transaction, all or nothing. A show whose
    /// <see cref="ShowRecord.SourceKey"/> matches a stored show of the site that has not started at
    /// <paramref name="now"/> takes that show's id: it is updated in place, or left alone when identical. A stored,
    /// not yet started show up to <paramref name="until"/> whose key <paramref name="ownedByFile"/> claims but no
    /// incoming show carries is removed. Shows already started are never matched, changed or removed. The overlap check
    /// leaves out the shows being updated or removed; any other overlap refuses the whole file (nothing written).
    /// </summary>
    /// <param name="site">The site all <paramref name="shows"/> belong to.</param>
    /// <param name="shows">The file's shows with fresh ids; a key may appear once.</param>
    /// <param name="ownedByFile">Whether a stored key belongs to a source (a calendar UID) present in the file.</param>
    /// <param name="now">Start of the part of the schedule an import may change.</param>
    /// <param name="until">Stored shows starting after this are beyond what the file was expanded to; never removed.</param>
    public ShowSyncResult TrySync(string site, IReadOnlyList<ShowRecord> shows, Func<string, bool> ownedByFile, DateTimeOffset now, DateTimeOffset until)
    {
        if (OverlapWithin(shows) is { } inside)
        {
            return ShowSyncResult.Refused(inside);
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var stored = KeyedFrom(connection, transaction, site, now).ToLookup(s => s.SourceKey!, StringComparer.Ordinal);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var added = new List<ShowRecord>();
        var updated = new List<(ShowRecord Before, ShowRecord After)>();
        var writes = new List<(ShowRecord Given, ShowRecord Stored)>();
        var unchanged = 0;
        foreach (var show in shows)
        {
            if (show.SourceKey is { } key && stored[key].FirstOrDefault(s => !matched.Contains(s.Id)) is { } before)
            {
                matched.Add(before.Id);
                var after = show with { Id = before.Id };
                if (before.SameContent(after))
                {
                    unchanged++;
                    continue;
                }

                updated.Add((before, after));
                writes.Add((show, after));
            }
            else
            {
                added.Add(show);
                writes.Add((show, show));
            }
        }

        var removed = stored.SelectMany(g => g)
            .Where(s => !matched.Contains(s.Id) && s.Start <= until && ownedByFile(s.SourceKey!))
            .ToList();
        foreach (var show in removed)
        {
            Delete(connection, transaction, show.Id);
        }

        // Matched shows are checked against each other above (their new times); their stored rows are about to move.
        foreach (var (given, write) in writes)
        {
            if (StoredOverlap(connection, transaction, write, matched) is { } existing)
            {
                transaction.Rollback();
                return ShowSyncResult.Refused(new ShowConflict(given, existing, ExistingIsStored: true));
            }

            Write(connection, transaction, write);
        }

        transaction.Commit();
        return new ShowSyncResult(added, updated, unchanged, removed, null);
    }

    /// <summary>Shows of the site with a source key that start at or after <paramref name="from"/>.</summary>
    private static List<ShowRecord> KeyedFrom(SqliteConnection connection, SqliteTransaction transaction, string site, DateTimeOffset from)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {ShowColumns} FROM shows WHERE site = $site AND source_key IS NOT NULL AND start_ms >= $from ORDER BY start_ms, id";
        command.Parameters.AddWithValue("$site", site);
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        return ReadShows(command);
    }
}
