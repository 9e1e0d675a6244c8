using Microsoft.Data.Sqlite;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// Copies the configuration store with SQLite's online backup API (<c>sqlite3_backup_*</c> through
/// <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>), never as a file copy: the running dashboard writes
/// through a WAL, so the .db file alone can be stale or torn, while the backup API reads one consistent snapshot
/// (the last committed transaction) and lets the dashboard go on writing meanwhile.
/// </summary>
internal static class StoreCopy
{
    /// <summary>Copies the live store at <paramref name="storePath"/> to the new file <paramref name="copyPath"/> (a single file, no WAL beside it).</summary>
    public static void Backup(string storePath, string copyPath)
    {
        if (!File.Exists(storePath))
        {
            throw new BackupException(Missing(storePath));
        }

        Run(storePath, () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(copyPath))!);
            using (var source = Open(storePath, SqliteOpenMode.ReadWrite))
            using (var copy = Open(copyPath, SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(copy);
            }

            // The pages carry the store's WAL mode; a backup file stands alone, in rollback-journal mode, checked whole.
            using var check = Open(copyPath, SqliteOpenMode.ReadWrite);
            Execute(check, "PRAGMA journal_mode = DELETE;");
            if (Execute(check, "PRAGMA integrity_check;") is not "ok" and var result)
            {
                throw new BackupException($"the copy of the configuration store {storePath} failed SQLite's integrity check: {result}");
            }
        });
    }

    /// <summary>The refusal when there is no store to back up.</summary>
    public static string Missing(string storePath) =>
        $"the configuration store {storePath} does not exist (Dashboard:Store:Path; default dashboard.db in $STATE_DIRECTORY or the working directory)";

    /// <summary>
    /// Writes the backup's store into <paramref name="storePath"/> (created, or replaced whole in one transaction: a WAL
    /// left beside an old file is recovered first, never mixed with the restored pages).
    /// </summary>
    public static void Restore(string copyPath, string storePath)
    {
        Run(storePath, () =>
        {
            if (Path.GetDirectoryName(storePath) is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
            }

            using var source = Open(copyPath, SqliteOpenMode.ReadOnly);
            using var store = Open(storePath, SqliteOpenMode.ReadWriteCreate);
            source.BackupDatabase(store);
            Execute(store, "PRAGMA journal_mode = WAL;");
        });
    }

    private static void Run(string storePath, Action action)
    {
        try
        {
            action();
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"the configuration store {storePath}: SQLite error {ex.SqliteErrorCode}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"the configuration store {storePath}: {ex.Message}", ex);
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
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
