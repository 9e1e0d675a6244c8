using System.Security.Cryptography;
using System.Text;
using LiveRoom.Dashboard.Store;

namespace LiveRoom.Dashboard.Security.Sessions;

/// <summary>
/// Server-side sessions: the cookie holds a random 256-bit token, the store only its SHA-256, so a copy of
/// the database does not hand out sessions; deleting the row ends the session (logout on the server).
/// </summary>
internal sealed class SessionStore(SqliteStore store)
{
    /// <summary>Starts a session; returns the token for the cookie.</summary>
    public string Create(long userId, string? ip, DateTimeOffset now)
    {
        var token = Base64UrlToken();
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, ip) VALUES ($h, $u, $n, $n, $ip)";
        command.Parameters.AddWithValue("$h", HashToken(token));
        command.Parameters.AddWithValue("$u", userId);
        command.Parameters.AddWithValue("$n", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$ip", (object?)ip ?? DBNull.Value);
        command.ExecuteNonQuery();
        return token;
    }

    public SessionRecord? Find(string token) => FindByHash(HashToken(token));

    public SessionRecord? FindByHash(string tokenHash)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT token_hash, user_id, created_at, last_seen_at FROM sessions WHERE token_hash = $h";
        command.Parameters.AddWithValue("$h", tokenHash);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new SessionRecord(
                reader.GetString(0),
                reader.GetInt64(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null;
    }

    public void Touch(string tokenHash, DateTimeOffset now) =>
        Execute("UPDATE sessions SET last_seen_at = $n WHERE token_hash = $h", tokenHash, now.ToUnixTimeMilliseconds());

    public void Delete(string tokenHash) => Execute("DELETE FROM sessions WHERE token_hash = $h", tokenHash, 0);

    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void Execute(string sql, string tokenHash, long now)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$h", tokenHash);
        command.Parameters.AddWithValue("$n", now);
        command.ExecuteNonQuery();
    }
}
