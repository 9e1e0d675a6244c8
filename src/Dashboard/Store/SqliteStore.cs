using LiveRoom.Dashboard.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Store;

/// <summary>
/// The configuration store: one SQLite file holding users, sessions and the audit log (ARCHITECTURE.md:
/// "the way Grafana does it"). A connection per operation (pooled by Microsoft.Data.Sqlite), WAL journal so
/// the <c>users</c> command can run next to a running dashboard.
/// </summary>
internal sealed class SqliteStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT NOT NULL,
            roles TEXT NOT NULL,
            sites TEXT NOT NULL DEFAULT '',
            must_change_password INTEGER NOT NULL DEFAULT 0,
            failed_count INTEGER NOT NULL DEFAULT 0,
            first_failed_at INTEGER,
            locked_until INTEGER,
            created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            ip TEXT);
        CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);
        CREATE TABLE IF NOT EXISTS audit (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT,
            ip TEXT,
            action TEXT NOT NULL,
            target TEXT,
            outcome TEXT NOT NULL,
            detail TEXT);
        CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
        """;

    private readonly string _connectionString;
    private readonly Lazy<bool> _created;

    public SqliteStore(IOptions<DashboardOptions> options)
        : this(options.Value.Store.ResolvedPath)
    {
    }

    public SqliteStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
        _created = new Lazy<bool>(CreateSchema, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The SQLite file.</summary>
    public string Path { get; }

    public SqliteConnection Open()
    {
        _ = _created.Value;
        return OpenRaw();
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private bool CreateSchema()
    {
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
        return true;
    }
}
