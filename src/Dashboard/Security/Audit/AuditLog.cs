using LiveRoom.Dashboard.Store;
using Microsoft.Data.Sqlite;

namespace LiveRoom.Dashboard.Security.Audit;

/// <summary>Append-only audit log in the configuration store: every sign-in, failure, denial and change.</summary>
internal sealed partial class AuditLog(SqliteStore store, TimeProvider time, ILogger<AuditLog> logger)
{
    public void Write(string? actor, string? ip, string action, string? target, string outcome, string? detail = null)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit (at, actor, ip, action, target, outcome, detail)
            VALUES ($at, $actor, $ip, $action, $target, $outcome, $detail)
            """;
        command.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$actor", (object?)actor ?? DBNull.Value);
        command.Parameters.AddWithValue("$ip", (object?)ip ?? DBNull.Value);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$target", (object?)Truncate(target) ?? DBNull.Value);
        command.Parameters.AddWithValue("$outcome", outcome);
        command.Parameters.AddWithValue("$detail", (object?)Truncate(detail) ?? DBNull.Value);
        command.ExecuteNonQuery();
        LogAudit(logger, action, outcome, actor ?? "-", ip ?? "-", target ?? "-");
    }

    /// <summary>Entries newest first, at most <paramref name="limit"/>, optionally only one action.</summary>
    public IReadOnlyList<AuditEntry> Read(int limit, string? action = null)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, actor, ip, action, target, outcome, detail FROM audit "
            + (action is null ? string.Empty : "WHERE action = $action ")
            + "ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 10_000));
        if (action is not null)
        {
            command.Parameters.AddWithValue("$action", action);
        }

        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                Text(reader, 2),
                Text(reader, 3),
                reader.GetString(4),
                Text(reader, 5),
                reader.GetString(6),
                Text(reader, 7)));
        }

        return entries;
    }

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    // A request path or a typed user name is attacker-controlled: keep the log bounded.
    private static string? Truncate(string? value) => value is { Length: > 512 } ? value[..512] : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit {Action} {Outcome} actor={Actor} ip={Ip} target={Target}")]
    private static partial void LogAudit(ILogger logger, string action, string outcome, string actor, string ip, string target);
}
