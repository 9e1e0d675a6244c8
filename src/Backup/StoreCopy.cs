using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LiveRoom.Backup;

/// <summary>
/// Copies a program's SQLite store with SQLite's online backup API (<c>sqlite3_backup_*</c> through
/// <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>), never as a file copy: the running program writes
/// through a WAL, so the .db file alone can be stale or torn, while the backup API reads one consistent snapshot
/// (the last committed transaction) and lets the program go on writing meanwhile.
/// </summary>
public static class StoreCopy
{
    /// <summary>Copies the live <paramref name="store"/> to the new file <paramref name="copyPath"/> (a single file, no WAL beside it).</summary>
    public static void Backup(StoreFile store, string copyPath)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!File.Exists(store.Path))
        {
            throw new BackupException(store.Missing);
        }

        Run(store, () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(copyPath))!);
            using (var source = Open(store.Path, SqliteOpenMode.ReadWrite))
            using (var copy = Open(copyPath, SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(copy);
            }

            // The pages carry the store's WAL mode; a backup file stands alone, in rollback-journal mode, checked whole.
            using var check = Open(copyPath, SqliteOpenMode.ReadWrite);
            Execute(check, "PRAGMA journal_mode = DELETE;");
            if (Execute(check, "PRAGMA integrity_check;") is not "ok" and var result)
            {
                throw new BackupException($"the copy of {store.Name} {store.Path} failed SQLite's integrity check: {result}");
            }
        });
    }

    /// <summary>
    /// Writes the backup's store into <paramref name="store"/> (created, or replaced whole in one transaction: a WAL
    /// left beside an old file is recovered first, never mixed with the restored pages).
    /// </summary>
    public static void Restore(string copyPath, StoreFile store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Run(store, () =>
        {
            if (Path.GetDirectoryName(store.Path) is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
            }

            using var source = Open(copyPath, SqliteOpenMode.ReadOnly);
            using var target = Open(store.Path, SqliteOpenMode.ReadWriteCreate);
            source.BackupDatabase(target);
            Execute(target, "PRAGMA journal_mode = WAL;");
        });
    }

    /// <summary>
    /// True when another connection holds <paramref name="path"/> open (a running program: a WAL-mode connection keeps a
    /// shared lock on the file while it is open), found by asking for an exclusive lock without waiting. False when the
    /// file does not exist or nobody else has it.
    /// </summary>
    public static bool InUse(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
                DefaultTimeout = 1,
            }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA locking_mode = EXCLUSIVE;");
            Execute(connection, "BEGIN EXCLUSIVE; COMMIT;");
            return false;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY, SQLITE_LOCKED: someone else has it open.
            return true;
        }
    }

    private static void Run(StoreFile store, Action action)
    {
        try
        {
            action();
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"{store.Name} {store.Path}: SQLite error {ex.SqliteErrorCode}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"{store.Name} {store.Path}: {ex.Message}", ex);
        }
    }

    // No pooling: every file is closed when its connection is disposed, before it is hashed or moved.
    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
