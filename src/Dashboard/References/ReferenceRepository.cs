using System.Text.Json;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Dashboard.Store;

namespace LiveRoom.Dashboard.References;

/// <summary>Every approved reference version per room in the configuration store (SQLite), never overwritten.</summary>
internal sealed class ReferenceRepository(SqliteStore store)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS vision_references (
            site TEXT NOT NULL,
            room TEXT NOT NULL,
            version INTEGER NOT NULL,
            capture TEXT NOT NULL,
            regions TEXT NOT NULL,
            by TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (site, room, version));
        """;

    private readonly Lazy<bool> _created = new(() =>
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
        return true;
    });

    /// <summary>Stores the next version (the highest + 1) and returns it.</summary>
    public ReferenceRecord Add(string site, string room, string capture, ReferenceRegions regions, string by, DateTimeOffset at)
    {
        _ = _created.Value;
        using var connection = store.Open();
        using var tx = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO vision_references (site, room, version, capture, regions, by, at)
            VALUES ($site, $room, (SELECT COALESCE(MAX(version), 0) + 1 FROM vision_references WHERE site = $site AND room = $room), $capture, $regions, $by, $at)
            RETURNING version
            """;
        command.Parameters.AddWithValue("$site", site);
        command.Parameters.AddWithValue("$room", room);
        command.Parameters.AddWithValue("$capture", capture);
        command.Parameters.AddWithValue("$regions", JsonSerializer.Serialize(regions, ReferencesJsonContext.Default.ReferenceRegions));
        command.Parameters.AddWithValue("$by", by);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        tx.Commit();
        return new ReferenceRecord(site, room, version, capture, regions, by, at);
    }

    /// <summary>A room's versions, newest first; empty for <paramref name="site"/> null means every room's newest only.</summary>
    public IReadOnlyList<ReferenceRecord> History(string site, string room, int limit = 20) =>
        Read("WHERE site = $site AND room = $room ORDER BY version DESC LIMIT $limit", site, room, limit);

    /// <summary>Every room's newest version (republished retained after a reconnect).</summary>
    public IReadOnlyList<ReferenceRecord> Latest() =>
        Read("r WHERE version = (SELECT MAX(version) FROM vision_references WHERE site = r.site AND room = r.room)", null, null, 0);

    private List<ReferenceRecord> Read(string where, string? site, string? room, int limit)
    {
        _ = _created.Value;
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT site, room, version, capture, regions, by, at FROM vision_references " + where;
        if (site is not null)
        {
            command.Parameters.AddWithValue("$site", site);
            command.Parameters.AddWithValue("$room", room);
            command.Parameters.AddWithValue("$limit", limit);
        }

        using var reader = command.ExecuteReader();
        var list = new List<ReferenceRecord>();
        while (reader.Read())
        {
            var regions = JsonSerializer.Deserialize(reader.GetString(4), ReferencesJsonContext.Default.ReferenceRegions)!;
            list.Add(new ReferenceRecord(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), regions, reader.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }

        return list;
    }
}
