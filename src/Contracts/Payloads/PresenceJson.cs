using System.Buffers;
using System.Text.Json;

namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// The wire form every service's retained presence shares: <c>{"&lt;key&gt;":…,"instance":…,"ts":…}</c> on
/// <c>&lt;prefix&gt;&lt;instance&gt;</c>, where the payload's instance must be the one the topic names.
/// </summary>
internal static class PresenceJson
{
    public static byte[] Write(string key, string value, string instance, long ts)
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(key, value);
            json.WriteString("instance", instance);
            json.WriteNumber("ts", ts);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The value of <paramref name="key"/> (one of <paramref name="allowed"/>), the instance and the clock; or false with the reason.</summary>
    public static bool TryRead(string topic, string prefix, ReadOnlySpan<byte> payload, string key, string[] allowed, out (string Value, string Instance, long Ts) presence, out string reason)
    {
        presence = default;
        var named = topic.StartsWith(prefix, StringComparison.Ordinal) ? topic[prefix.Length..] : null;
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            var value = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var instance = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("instance", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var ts = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ts", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var v) ? v : 0;
            if (value is null || Array.IndexOf(allowed, value) < 0)
            {
                reason = $"{key} '{value ?? "(none)"}' is not one of {string.Join(", ", allowed)}";
                return false;
            }

            if (instance is null || instance != named)
            {
                reason = $"instance '{instance ?? "(none)"}' differs from the topic's '{named ?? "(none)"}'";
                return false;
            }

            reason = string.Empty;
            presence = (value, instance, ts);
            return true;
        }
        catch (JsonException ex)
        {
            reason = "not valid JSON: " + Validation.JsonProblem.Describe(ex);
            return false;
        }
    }
}
