using System.Buffers;
using System.Text.Json;

namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// The collector's dead-man's switch, retained on <see cref="Topics.Topic.CollectorHeartbeat"/>:
/// <c>{"status":"alive","ts":…,"influx":true|false,"interval_ms":…,"spill":…}</c> from the active collector every interval,
/// <c>{"status":"dead","ts":0}</c> as its last will (the broker sends it when the session is lost), and
/// <c>{"status":"stopped","ts":0}</c> on a clean stop. With primary/standby collectors each message also names the
/// <c>instance</c>. Read by the watchdog, by standby collectors and by the dashboard; written only by the collector.
/// </summary>
/// <param name="Status">What the message says; <see cref="CollectorHeartbeatStatus.Other"/> for a status this version does not know.</param>
/// <param name="Instance">The collector's instance name (primary/standby), or null for a single collector.</param>
/// <param name="Influx">Whether the collector reports InfluxDB healthy (true when the field is absent).</param>
/// <param name="Ts">The sender's clock, UTC Unix milliseconds (0 in a will or a stop: the broker sends those later).</param>
/// <param name="IntervalMs">The sender's heartbeat period in milliseconds, when it says (older collectors do not).</param>
/// <param name="Spill">Write batches waiting in the collector's spill buffer for InfluxDB, when it says.</param>
public sealed record CollectorHeartbeat(CollectorHeartbeatStatus Status, string? Instance, bool Influx, long Ts = 0, long? IntervalMs = null, long? Spill = null)
{
    /// <summary>For messages: the instance, or "(unnamed)" for a collector without standby settings.</summary>
    public string Name => Instance ?? "(unnamed)";

    /// <summary>The sender's heartbeat period, when it says.</summary>
    public TimeSpan? Interval => IntervalMs is > 0 ? TimeSpan.FromMilliseconds(IntervalMs.Value) : null;

    /// <summary>The periodic message of a running collector.</summary>
    public static byte[] Alive(DateTimeOffset now, bool influx, string? instance = null, TimeSpan? interval = null, long? spill = null) =>
        Write("alive", now.ToUnixTimeMilliseconds(), influx, instance, interval, spill);

    /// <summary>The last will of <paramref name="instance"/>'s heartbeat session.</summary>
    public static byte[] Dead(string? instance = null) => Write("dead", 0, null, instance, null, null);

    /// <summary>A clean stop: the broker does not send the will then, so the collector says it itself.</summary>
    public static byte[] Stopped(string? instance = null) => Write("stopped", 0, null, instance, null, null);

    /// <summary>Null for anything that is not a JSON object (logged or ignored by the caller, never fatal).</summary>
    public static CollectorHeartbeat? Parse(ReadOnlySpan<byte> payload)
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
            var ts = root.TryGetProperty("ts", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var tsValue) ? tsValue : 0;
            long? interval = root.TryGetProperty("interval_ms", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt64(out var ms) && ms > 0 ? ms : null;
            long? spill = root.TryGetProperty("spill", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var batches) && batches >= 0 ? batches : null;
            return new(
                status switch
                {
                    "alive" => CollectorHeartbeatStatus.Alive,
                    "dead" => CollectorHeartbeatStatus.Dead,
                    "stopped" => CollectorHeartbeatStatus.Stopped,
                    _ => CollectorHeartbeatStatus.Other,
                },
                instance,
                influx,
                ts,
                interval,
                spill);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Write(string status, long ts, bool? influx, string? instance, TimeSpan? interval, long? spill)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", status);
            json.WriteNumber("ts", ts);
            if (influx is { } healthy)
            {
                json.WriteBoolean("influx", healthy);
            }

            if (interval is { } period)
            {
                json.WriteNumber("interval_ms", (long)period.TotalMilliseconds);
            }

            if (spill is { } batches)
            {
                json.WriteNumber("spill", batches);
            }

            if (instance is not null)
            {
                json.WriteString("instance", instance);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>What a <see cref="CollectorHeartbeat"/> says.</summary>
public enum CollectorHeartbeatStatus
{
    Alive,
    Dead,
    Stopped,

    /// <summary>No status, or one this version does not know.</summary>
    Other,
}
