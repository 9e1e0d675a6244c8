using System.Text.Json;

namespace LiveRoom.Ingest.Standby;

/// <summary>What a collector's heartbeat says (<see cref="Alerts.Heartbeat.HeartbeatPublisher"/>): alive, dead (its last will) or stopped, and by whom.</summary>
internal sealed record HeartbeatReading(HeartbeatStatus Status, string? Instance)
{
    /// <summary>Null for anything that is not a heartbeat (logged by the caller, never fatal).</summary>
    public static HeartbeatReading? Parse(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var instance = root.TryGetProperty("instance", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            return status.GetString() switch
            {
                "alive" => new(HeartbeatStatus.Alive, instance),
                "dead" => new(HeartbeatStatus.Dead, instance),
                "stopped" => new(HeartbeatStatus.Stopped, instance),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>For log lines: the instance, or "(unnamed)" for a collector without standby settings.</summary>
    public string Name => Instance ?? "(unnamed)";
}

internal enum HeartbeatStatus
{
    Alive,
    Dead,
    Stopped,
}
