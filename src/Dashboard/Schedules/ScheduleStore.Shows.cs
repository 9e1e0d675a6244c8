using System.Text.Json;
using LiveRoom.Contracts.Payloads.Lifecycle;
using Microsoft.Data.Sqlite;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>Shows: reads, and writes that refuse overlaps inside one transaction.</summary>
internal sealed partial class ScheduleStore
{
    private const string ShowColumns = "id, site, room, start_ms, end_ms, title, host, profile, source_key";

    /// <summary>Shows of a site (optionally one room) that end after <paramref name="from"/> and start before <paramref name="to"/>, by start.</summary>
    public IReadOnlyList<ShowRecord> ListShows(string site, string? room, DateTimeOffset from, DateTimeOffset to, int limit = 10_000)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ShowColumns} FROM shows WHERE site = $site "
            + (room is null ? string.Empty : "AND room = $room ")
            + "AND end_ms > $from AND start_ms < $to ORDER BY start_ms, room LIMIT $limit";
        command.Parameters.AddWithValue("$site", site);
        if (room is not null)
        {
            command.Parameters.AddWithValue("$room", room);
        }

        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        return ReadShows(command);
    }

    public ShowRecord? FindShow(string site, string id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ShowColumns} FROM shows WHERE site = $site AND id = $id";
        command.Parameters.AddWithValue("$site", site);
        command.Parameters.AddWithValue("$id", id);
        return ReadShows(command).FirstOrDefault();
    }

    /// <summary>
    /// Stores <paramref name="shows"/> all or nothing. Refused (nothing written) when two of them overlap in one room, or
    /// one overlaps a stored show other than <paramref name="replacing"/> (an update). Returns the conflict or null.
    /// </summary>
    public ShowConflict? TrySave(IReadOnlyList<ShowRecord> shows, string? replacing = null)
    {
        if (OverlapWithin(shows) is { } inside)
        {
            return inside;
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        HashSet<string> excluded = replacing is null ? [] : [replacing];
        foreach (var show in shows)
        {
            if (StoredOverlap(connection, transaction, show, excluded) is { } existing)
            {
                transaction.Rollback();
                return new ShowConflict(show, existing, ExistingIsStored: true);
            }

            Write(connection, transaction, show);
        }

        if (replacing is not null && shows.All(s => !string.Equals(s.Id, replacing, StringComparison.Ordinal)))
        {
            Delete(connection, transaction, replacing);
        }

        transaction.Commit();
        return null;
    }

    /// <summary>Two shows of the batch that overlap in one room, or null.</summary>
    private static ShowConflict? OverlapWithin(IEnumerable<ShowRecord> shows)
    {
        foreach (var group in shows.GroupBy(s => (s.Site, s.Room)))
        {
            var ordered = group.OrderBy(s => s.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                // Sorted by start, any overlap shows up between neighbours.
                if (ordered[i].Overlaps(ordered[i - 1]))
                {
                    return new ShowConflict(ordered[i], ordered[i - 1], ExistingIsStored: false);
                }
            }
        }

        return null;
    }

    /// <summary>The earliest stored show overlapping <paramref name="show"/> in its room, other than those in <paramref name="excluded"/>.</summary>
    private static ShowRecord? StoredOverlap(SqliteConnection connection, SqliteTransaction transaction, ShowRecord show, HashSet<string> excluded)
    {
        using var check = connection.CreateCommand();
        check.Transaction = transaction;
        check.CommandText = $"SELECT {ShowColumns} FROM shows WHERE site = $site AND room = $room AND start_ms < $end AND end_ms > $start ORDER BY start_ms";
        check.Parameters.AddWithValue("$site", show.Site);
        check.Parameters.AddWithValue("$room", show.Room);
        check.Parameters.AddWithValue("$start", show.Start.ToUnixTimeMilliseconds());
        check.Parameters.AddWithValue("$end", show.End.ToUnixTimeMilliseconds());
        return ReadShows(check).Find(s => !excluded.Contains(s.Id));
    }

    /// <summary>Inserts the show, or replaces every column of the stored show with its id (the id stays).</summary>
    private static void Write(SqliteConnection connection, SqliteTransaction transaction, ShowRecord show)
    {
        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = $"""
            INSERT INTO shows ({ShowColumns}) VALUES ($id, $site, $room, $start, $end, $title, $host, $profile, $key)
            ON CONFLICT (id) DO UPDATE SET site = excluded.site, room = excluded.room, start_ms = excluded.start_ms,
                end_ms = excluded.end_ms, title = excluded.title, host = excluded.host, profile = excluded.profile,
                source_key = excluded.source_key
            """;
        write.Parameters.AddWithValue("$id", show.Id);
        write.Parameters.AddWithValue("$site", show.Site);
        write.Parameters.AddWithValue("$room", show.Room);
        write.Parameters.AddWithValue("$start", show.Start.ToUnixTimeMilliseconds());
        write.Parameters.AddWithValue("$end", show.End.ToUnixTimeMilliseconds());
        write.Parameters.AddWithValue("$title", show.Title);
        write.Parameters.AddWithValue("$host", show.Host);
        write.Parameters.AddWithValue("$profile", show.Profile is null ? DBNull.Value : JsonSerializer.Serialize(show.Profile, ProfileJson));
        write.Parameters.AddWithValue("$key", (object?)show.SourceKey ?? DBNull.Value);
        write.ExecuteNonQuery();
    }

    private static void Delete(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM shows WHERE id = $id";
        delete.Parameters.AddWithValue("$id", id);
        delete.ExecuteNonQuery();
    }

    public bool DeleteShow(string site, string id) =>
        Execute("DELETE FROM shows WHERE site = $site AND id = $id", ("$site", site), ("$id", id)) == 1;

    /// <summary>Shows of a room not yet ended at <paramref name="now"/>, by start, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<ShowRecord> Upcoming(string site, string room, DateTimeOffset now, int limit) =>
        ListShows(site, room, now, DateTimeOffset.MaxValue.AddDays(-1), limit);

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<ShowProfile> ProfileJson =>
        DashboardJsonContext.Default.ShowProfile;

    private static List<ShowRecord> ReadShows(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var shows = new List<ShowRecord>();
        while (reader.Read())
        {
            shows.Add(new ShowRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : JsonSerializer.Deserialize(reader.GetString(7), ProfileJson),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return shows;
    }
}
