using LiveRoom.Backup;
using LiveRoom.Testing;
using Microsoft.Data.Sqlite;

namespace LiveRoom.Backup.Tests;

/// <summary>A live SQLite store (WAL mode, its connection kept open as a running program keeps it) and backup directories of stand-in files.</summary>
internal static class BackupFiles
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Creates <paramref name="path"/> with a <c>users</c> table holding <paramref name="name"/>; the returned connection keeps it open (its commits stay in the WAL).</summary>
    public static SqliteConnection Live(string path, string name = "chief")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; CREATE TABLE users (name TEXT PRIMARY KEY);");
        Execute(connection, $"INSERT INTO users (name) VALUES ('{name}')");
        return connection;
    }

    public static StoreFile Store(string path) => new(path, "the test store", "Test:Store:Path");

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The names in <c>users</c> of the file at <paramref name="path"/> (none when it has no such table).</summary>
    public static List<string> Users(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE name = 'users'";
        if (command.ExecuteScalar() is null)
        {
            return [];
        }

        command.CommandText = "SELECT name FROM users ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>A complete backup in <paramref name="directory"/>: a copy of the store, stand-in influxd files and one thumbnail.</summary>
    public static async Task<BackupManifest> BackupAsync(string directory, string storePath, string product = BackupProduct.Dashboard)
    {
        StoreCopy.Backup(Store(storePath), Combine(directory, "store/dashboard.db"));
        Write(directory, "influxdb/20261122T060000Z.manifest", "{\"files\":[]}");
        Write(directory, "influxdb/20261122T060000Z.meta", "meta");
        Write(directory, "evidence/de/room-1/2026-11-22/1795327200000-periodic.jpg", "jpeg");
        return await ManifestWriter.WriteAsync(directory, product, "liveroom", Parts(storePath), Now, Now.AddSeconds(3), CancellationToken.None);
    }

    public static PartSource[] Parts(string storePath) =>
        [new("store", storePath, "the store"), new("influxdb", "influxd", "points"), new("evidence", "thumbnails", "pictures")];

    public static string Write(string directory, string relative, string text) => TestFiles.Write(directory, relative, text);

    public static string Combine(string directory, string relative) => TestFiles.Combine(directory, relative);
}
