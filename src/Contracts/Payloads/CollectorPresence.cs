using System.Buffers;
using System.Text.Json;

namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// Each collector of a primary/standby group says what it is, retained on
/// <see cref="Topics.Topic.CollectorInstance"/>: <c>{"role":"standby"|"active","instance":…,"ts":…}</c> through its lease
/// session, <c>"dead"</c> as that session's last will and <c>"stopped"</c> on a clean stop. The heartbeat says who is
/// active; this says who else is there to take over. Written only by the collector; read by the dashboard.
/// </summary>
/// <param name="Role">One of <see cref="Standby"/>, <see cref="Active"/>, <see cref="Dead"/>, <see cref="Stopped"/>.</param>
/// <param name="Instance">The collector's instance name.</param>
/// <param name="Ts">The sender's clock, UTC Unix milliseconds (0 in a will).</param>
public sealed record CollectorPresence(string Role, string Instance, long Ts)
{
    public const string Standby = "standby";
    public const string Active = "active";
    public const string Dead = "dead";
    public const string Stopped = "stopped";

    private static readonly string[] Roles = [Standby, Active, Dead, Stopped];

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("role", Role);
            json.WriteString("instance", Instance);
            json.WriteNumber("ts", Ts);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The presence on <paramref name="topic"/>, or null with the reason (not JSON, an unknown role, another instance than the topic names).</summary>
    public static CollectorPresence? Parse(string topic, ReadOnlySpan<byte> payload, out string reason)
    {
        var named = topic.StartsWith(Topics.Topic.CollectorInstancePrefix, StringComparison.Ordinal) ? topic[Topics.Topic.CollectorInstancePrefix.Length..] : null;
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            var role = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var instance = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("instance", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var ts = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ts", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var v) ? v : 0;
            if (role is null || Array.IndexOf(Roles, role) < 0)
            {
                reason = $"role '{role ?? "(none)"}' is not one of {string.Join(", ", Roles)}";
                return null;
            }

            if (instance is null || instance != named)
            {
                reason = $"instance '{instance ?? "(none)"}' differs from the topic's '{named ?? "(none)"}'";
                return null;
            }

            reason = string.Empty;
            return new CollectorPresence(role, instance, ts);
        }
        catch (JsonException ex)
        {
            reason = "not valid JSON: " + ex.Message;
            return null;
        }
    }
}
