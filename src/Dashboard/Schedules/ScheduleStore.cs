using System.Globalization;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Dashboard.Store;
using Microsoft.Data.Sqlite;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>
/// Sites, rooms, manual checklist items and shows in the configuration store (issue 6 item 1). The tables are created
/// on first use, as the store creates its own (<c>CREATE … IF NOT EXISTS</c>); columns added since are added to an
/// older file when it is opened (<see cref="Migrate"/>). Shows are kept in UTC milliseconds.
/// </summary>
internal sealed partial class ScheduleStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS sites (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            time_zone TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS manual_items (
            site TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            text TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (site, id));
        CREATE TABLE IF NOT EXISTS rooms (
            site TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (site, id));
        CREATE TABLE IF NOT EXISTS shows (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            room TEXT NOT NULL,
            start_ms INTEGER NOT NULL,
            end_ms INTEGER NOT NULL,
            title TEXT NOT NULL,
            host TEXT NOT NULL DEFAULT '',
            profile TEXT,
            source_key TEXT,
            FOREIGN KEY (site, room) REFERENCES rooms(site, id) ON DELETE CASCADE);
        CREATE INDEX IF NOT EXISTS shows_room_start ON shows(site, room, start_ms);
        """;

    private readonly SqliteStore _store;
    private readonly Lazy<bool> _created;

    public ScheduleStore(SqliteStore store)
    {
        _store = store;
        _created = new Lazy<bool>(CreateSchema, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private SqliteConnection Open()
    {
        _ = _created.Value;
        return _store.Open();
    }

    private bool CreateSchema()
    {
        using var connection = _store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
        Migrate(connection);
        return true;
    }

    /// <summary>
    /// Brings a file written by an older dashboard up to date: <c>shows.source_key</c> (re-import as a sync) came later.
    /// In one immediate transaction, so the dashboard and the <c>schedule import</c> command opening the same old file
    /// at once do not both add the column.
    /// </summary>
    private static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var columns = connection.CreateCommand();
        columns.Transaction = transaction;
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('shows') WHERE name = 'source_key'";
        if (Convert.ToInt64(columns.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            using var alter = connection.CreateCommand();
            alter.Transaction = transaction;
            alter.CommandText = "ALTER TABLE shows ADD COLUMN source_key TEXT";
            alter.ExecuteNonQuery();
        }

        using var index = connection.CreateCommand();
        index.Transaction = transaction;
        index.CommandText = "CREATE INDEX IF NOT EXISTS shows_site_source_key ON shows(site, source_key)";
        index.ExecuteNonQuery();
        transaction.Commit();
    }

    public IReadOnlyList<SiteRecord> ListSites()
    {
        using var connection = Open();
        var sites = new List<SiteRecord>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, name, time_zone FROM sites ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sites.Add(new SiteRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), []));
            }
        }

        return sites.Select(s => s with { Manual = ReadManual(connection, s.Id) }).ToList();
    }

    public SiteRecord? FindSite(string id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, time_zone FROM sites WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new SiteRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), ReadManual(connection, id)) : null;
    }

    /// <summary>False when the id is taken.</summary>
    public bool TryCreateSite(SiteRecord site) =>
        Execute("INSERT OR IGNORE INTO sites (id, name, time_zone) VALUES ($id, $name, $tz)", ("$id", site.Id), ("$name", site.Name), ("$tz", site.TimeZone)) == 1;

    public bool UpdateSite(string id, string name, string timeZone) =>
        Execute("UPDATE sites SET name = $name, time_zone = $tz WHERE id = $id", ("$id", id), ("$name", name), ("$tz", timeZone)) == 1;

    /// <summary>Deletes a site with no rooms; false when it does not exist.</summary>
    public bool DeleteSite(string id) => Execute("DELETE FROM sites WHERE id = $id", ("$id", id)) == 1;

    public IReadOnlyList<RoomRecord> ListRooms(string? site = null)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT site, id, name FROM rooms " + (site is null ? string.Empty : "WHERE site = $site ") + "ORDER BY site, id";
        if (site is not null)
        {
            command.Parameters.AddWithValue("$site", site);
        }

        using var reader = command.ExecuteReader();
        var rooms = new List<RoomRecord>();
        while (reader.Read())
        {
            rooms.Add(new RoomRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rooms;
    }

    public RoomRecord? FindRoom(string site, string room) =>
        ListRooms(site).FirstOrDefault(r => string.Equals(r.Id, room, StringComparison.Ordinal));

    public bool TryCreateRoom(RoomRecord room) =>
        Execute("INSERT OR IGNORE INTO rooms (site, id, name) VALUES ($site, $id, $name)", ("$site", room.Site), ("$id", room.Id), ("$name", room.Name)) == 1;

    public bool UpdateRoom(string site, string id, string name) =>
        Execute("UPDATE rooms SET name = $name WHERE site = $site AND id = $id", ("$site", site), ("$id", id), ("$name", name)) == 1;

    /// <summary>Deletes a room and its shows.</summary>
    public bool DeleteRoom(string site, string id) =>
        Execute("DELETE FROM rooms WHERE site = $site AND id = $id", ("$site", site), ("$id", id)) == 1;

    public bool TryAddManualItem(string site, ManualItem item) => Execute(
        "INSERT OR IGNORE INTO manual_items (site, id, text, position) VALUES ($site, $id, $text, (SELECT COALESCE(MAX(position), 0) + 1 FROM manual_items WHERE site = $site))",
        ("$site", site),
        ("$id", item.Id),
        ("$text", item.Text)) == 1;

    public bool UpdateManualItem(string site, ManualItem item) =>
        Execute("UPDATE manual_items SET text = $text WHERE site = $site AND id = $id", ("$site", site), ("$id", item.Id), ("$text", item.Text)) == 1;

    public bool DeleteManualItem(string site, string id) =>
        Execute("DELETE FROM manual_items WHERE site = $site AND id = $id", ("$site", site), ("$id", id)) == 1;

    private static List<ManualItem> ReadManual(SqliteConnection connection, string site)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, text FROM manual_items WHERE site = $site ORDER BY position, id";
        command.Parameters.AddWithValue("$site", site);
        using var reader = command.ExecuteReader();
        var items = new List<ManualItem>();
        while (reader.Read())
        {
            items.Add(new ManualItem { Id = reader.GetString(0), Text = reader.GetString(1) });
        }

        return items;
    }

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }
}
