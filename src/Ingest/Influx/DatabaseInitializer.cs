using System.Globalization;
using LiveRoom.Ingest.Options;

namespace LiveRoom.Ingest.Influx;

/// <summary>
/// Creates the database and the default retention policy (<c>DURATION {days}d REPLICATION 1 DEFAULT</c>),
/// altering the policy when it already exists, so a changed setting takes effect at the next start.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task EnsureAsync(InfluxClient client, InfluxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var db = QuoteIdentifier(options.Database);
        var rp = QuoteIdentifier(options.RetentionPolicy);
        await client.QueryAsync($"CREATE DATABASE {db}", cancellationToken).ConfigureAwait(false);
        var policies = await client.QueryAsync($"SHOW RETENTION POLICIES ON {db}", cancellationToken).ConfigureAwait(false);
        var exists = policies.Contains($"[\"{EscapeJson(options.RetentionPolicy)}\",", StringComparison.Ordinal);
        var verb = exists ? "ALTER" : "CREATE";
        var statement = string.Create(
            CultureInfo.InvariantCulture,
            $"{verb} RETENTION POLICY {rp} ON {db} DURATION {options.RetentionDays}d REPLICATION 1 DEFAULT");
        await client.QueryAsync(statement, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>InfluxQL double-quoted identifier.</summary>
    internal static string QuoteIdentifier(string name) =>
        "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string EscapeJson(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
