using LiveRoom.Dashboard.Backup;
using LiveRoom.Dashboard.Store;
using LiveRoom.Dashboard.Users;
using LiveRoom.Testing;
using Microsoft.Data.Sqlite;

namespace LiveRoom.Dashboard.Tests.Backup;

/// <summary>The store is copied with SQLite's online backup API while the dashboard writes: one consistent snapshot, WAL included.</summary>
public sealed class StoreCopyTests : IDisposable
{
    private readonly TempDirectory _dir = new("backup-store");

    [Fact]
    public void Backup_WhileAWriteIsOpenAndTheWalHoldsCommits_CopiesExactlyTheCommittedState()
    {
        var store = BackupFiles.Store(_dir.Combine("live", "dashboard.db"));
        using var writer = store.Open();
        using var open = writer.BeginTransaction();
        Insert(writer, open, "uncommitted");

        StoreCopy.Backup(store.Path, _dir.Combine("copy.db"));
        open.Rollback();

        Assert.Equal(["chief"], Users(_dir.Combine("copy.db")));
        // Why not a file copy: the committed user is still in dashboard.db-wal, so the .db file alone lacks it.
        File.Copy(store.Path, _dir.Combine("file-copy.db"));
        Assert.Empty(Users(_dir.Combine("file-copy.db")));
    }

    [Fact]
    public void Backup_Copy_IsOneFileInRollbackJournalMode()
    {
        var store = BackupFiles.Store(_dir.Combine("live", "dashboard.db"));

        StoreCopy.Backup(store.Path, _dir.Combine("copy.db"));

        var header = File.ReadAllBytes(_dir.Combine("copy.db"))[18..20];
        Assert.Equal(new byte[] { 1, 1 }, header); // 2, 2 would be WAL mode (sqlite.org/fileformat.html, offset 18)
        Assert.Equal(["copy.db"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Backup_StoreMissing_ExceptionNamesTheFileAndTheKey()
    {
        var ex = Assert.Throws<BackupException>(() => StoreCopy.Backup(_dir.Combine("none.db"), _dir.Combine("copy.db")));

        Assert.StartsWith($"the configuration store {_dir.Combine("none.db")} does not exist (Dashboard:Store:Path", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.Combine("copy.db")));
    }

    [Fact]
    public void Restore_OverAnotherStore_ReplacesEveryRowAndKeepsWal()
    {
        var store = BackupFiles.Store(_dir.Combine("live", "dashboard.db"));
        StoreCopy.Backup(store.Path, _dir.Combine("copy.db"));
        var other = BackupFiles.Store(_dir.Combine("other", "dashboard.db"), "someone-else");

        StoreCopy.Restore(_dir.Combine("copy.db"), other.Path);

        Assert.Equal(["chief"], new UserStore(new SqliteStore(other.Path)).List().Select(u => u.Name));
        Assert.Equal("wal", Scalar(other.Path, "PRAGMA journal_mode;"));
    }

    public void Dispose() => _dir.Dispose();

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO users (name, password_hash, roles, created_at) VALUES ($n, 'x', 'admin', 0)";
        command.Parameters.AddWithValue("$n", name);
        command.ExecuteNonQuery();
    }

    private static List<string> Users(string path)
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

    private static string? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
