using System.Globalization;
using LiveRoom.Dashboard.Store;
using Microsoft.Data.Sqlite;

namespace LiveRoom.Dashboard.Users;

/// <summary>Users in the configuration store.</summary>
internal sealed class UserStore(SqliteStore store)
{
    private const string Columns = "id, name, password_hash, roles, sites, must_change_password, failed_count, first_failed_at, locked_until";

    public UserRecord? Find(string name) => QuerySingle($"SELECT {Columns} FROM users WHERE name = $v", name);

    public UserRecord? Find(long id) => QuerySingle($"SELECT {Columns} FROM users WHERE id = $v", id);

    public IReadOnlyList<UserRecord> List()
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM users ORDER BY name";
        using var reader = command.ExecuteReader();
        var users = new List<UserRecord>();
        while (reader.Read())
        {
            users.Add(Read(reader));
        }

        return users;
    }

    /// <summary>Adds a user; false when the name is taken.</summary>
    public bool TryCreate(string name, IReadOnlyList<string> roles, IReadOnlyList<string> sites, string passwordHash, bool mustChangePassword, DateTimeOffset now)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO users (name, password_hash, roles, sites, must_change_password, created_at)
            VALUES ($name, $hash, $roles, $sites, $must, $now) ON CONFLICT(name) DO NOTHING
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$hash", passwordHash);
        command.Parameters.AddWithValue("$roles", string.Join(',', roles));
        command.Parameters.AddWithValue("$sites", string.Join(',', sites));
        command.Parameters.AddWithValue("$must", mustChangePassword ? 1 : 0);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery() == 1;
    }

    public bool Delete(string name) => Execute("DELETE FROM users WHERE name = $v", ("$v", name)) == 1;

    /// <summary>Sets the roles and sites of <paramref name="id"/>; they apply from the user's next request (each request reads them).</summary>
    public void SetAccess(long id, IReadOnlyList<string> roles, IReadOnlyList<string> sites) =>
        Execute("UPDATE users SET roles = $r, sites = $s WHERE id = $v", ("$r", string.Join(',', roles)), ("$s", string.Join(',', sites)), ("$v", id));

    /// <summary>Sets a new password; every session of the user ends (a changed password must lock out an old session).</summary>
    public void SetPassword(long id, string passwordHash, bool mustChangePassword)
    {
        Execute(
            "UPDATE users SET password_hash = $h, must_change_password = $m WHERE id = $v; DELETE FROM sessions WHERE user_id = $v",
            ("$h", passwordHash),
            ("$m", mustChangePassword ? 1 : 0),
            ("$v", id));
    }

    /// <summary>Counts a failed sign-in; returns the lock end when this failure locks the user.</summary>
    public DateTimeOffset? RecordFailure(UserRecord user, DateTimeOffset now, TimeSpan window, int maxFailures, TimeSpan lockout)
    {
        var inWindow = user.FirstFailedAt is { } first && now - first <= window;
        var count = inWindow ? user.FailedCount + 1 : 1;
        var firstAt = inWindow ? user.FirstFailedAt!.Value : now;
        DateTimeOffset? lockedUntil = count >= maxFailures ? now + lockout : null;
        Execute(
            "UPDATE users SET failed_count = $c, first_failed_at = $f, locked_until = $l WHERE id = $v",
            ("$c", lockedUntil is null ? count : 0),
            ("$f", lockedUntil is null ? firstAt.ToUnixTimeMilliseconds() : DBNull.Value),
            ("$l", lockedUntil is { } l ? l.ToUnixTimeMilliseconds() : (object?)user.LockedUntil?.ToUnixTimeMilliseconds() ?? DBNull.Value),
            ("$v", user.Id));
        return lockedUntil;
    }

    public void ResetFailures(long id) =>
        Execute("UPDATE users SET failed_count = 0, first_failed_at = NULL, locked_until = NULL WHERE id = $v", ("$v", id));

    private UserRecord? QuerySingle(string sql, object value)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$v", value);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }

    private static UserRecord Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        Split(r.GetString(3)),
        Split(r.GetString(4)),
        r.GetInt64(5) != 0,
        (int)r.GetInt64(6),
        r.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)),
        r.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)));

    private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
