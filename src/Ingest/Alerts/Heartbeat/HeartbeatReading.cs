using System.Text.Json;

namespace LiveRoom.Ingest.Alerts.Heartbeat;

/// <summary>
/// What a collector's heartbeat says (<see cref="HeartbeatPublisher"/>): alive, dead (its last will), stopped, or a
/// status this version does not know; whether InfluxDB is healthy; and, with standby collectors, by whom. Read by the
/// watchdog (<see cref="HeartbeatWatchdog"/>) and by standby collectors (<see cref="Standby.CollectorLease"/>).
/// </summary>
internal sealed record HeartbeatReading(HeartbeatStatus Status, string? Instance, bool Influx)
{
    /// <summary>Null for anything that is not a JSON object (logged or ignored by the caller, never fatal).</summary>
    public static HeartbeatReading? Parse(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var instance = root.TryGetProperty("instance", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var influx = !root.TryGetProperty("influx", out var f) || f.ValueKind != JsonValueKind.False;
            return new(
                status switch
                {
                    "alive" => HeartbeatStatus.Alive,
                    "dead" => HeartbeatStatus.Dead,
                    "stopped" => HeartbeatStatus.Stopped,
                    _ => HeartbeatStatus.Other,
                },
                instance,
                influx);
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

    /// <summary>No status, or one this version does not know.</summary>
    Other,
}
