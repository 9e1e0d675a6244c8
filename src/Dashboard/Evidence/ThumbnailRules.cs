using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Contracts.Topics;

namespace LiveRoom.Dashboard.Evidence;

/// <summary>Checks a received thumbnail: size, topic, JSON, identifiers, JPEG magic, time. Every refusal names the problem.</summary>
internal static class ThumbnailRules
{
    /// <summary>Lower-case letters, digits, '_' and '-', 1–40 characters (event types and <see cref="ThumbnailReasons"/>).</summary>
    public static bool IsReason(string? reason) =>
        reason is { Length: > 0 and <= 40 } && reason.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');

    public static ThumbnailMessage? TryParse(string topic, ReadOnlySpan<byte> payload, DateTimeOffset now, TimeSpan retention, out string? refusal)
    {
        refusal = Check(topic, payload, out var parsed);
        if (refusal is not null)
        {
            return null;
        }

        ThumbnailMessage? m;
        try
        {
            m = JsonSerializer.Deserialize(payload, VisionJsonContext.Default.ThumbnailMessage);
        }
        catch (JsonException ex)
        {
            refusal = "not a thumbnail message: " + ex.Message;
            return null;
        }

        refusal = m is null ? "empty message" : Check(m, parsed!, now, retention);
        return refusal is null ? m : null;
    }

    private static string? Check(string topic, ReadOnlySpan<byte> payload, out ParsedTopic? parsed)
    {
        parsed = null;
        if (payload.Length > Limits.MaxPayloadBytes)
        {
            return $"payload is {payload.Length} bytes; at most {Limits.MaxPayloadBytes}";
        }

        if (!ParsedTopic.TryParse(topic, out parsed, out var why))
        {
            return why;
        }

        return parsed.Channel != TopicChannel.Thumbnail || parsed.Sub is not null ? $"topic '{topic}' is not a thumbnail topic" : null;
    }

    private static string? Check(ThumbnailMessage m, ParsedTopic topic, DateTimeOffset now, TimeSpan retention)
    {
        if (m.V != SchemaVersion.Current)
        {
            return $"schema version {m.V}; this dashboard reads {SchemaVersion.Current}";
        }

        if (m.Site != topic.Site || m.Room != topic.Room)
        {
            return $"message names {m.Site}/{m.Room} but came on the topic of {topic.Site}/{topic.Room}";
        }

        if (!IsReason(m.Reason))
        {
            return $"reason '{m.Reason}' is not 1-40 lower-case letters, digits, '_' or '-'";
        }

        if (m.Capture is not null && !Identifier.IsValid(m.Capture, out var bad))
        {
            return "capture id: " + bad;
        }

        if (m.Reason == ThumbnailReasons.ReferenceCandidate && m.Capture is null)
        {
            return "a reference candidate without a capture id";
        }

        if (m.Width is < 16 or > 4096 || m.Height is < 16 or > 4096)
        {
            return $"size {m.Width}x{m.Height} is outside 16..4096";
        }

        var j = m.Jpeg;
        if (j is null || j.Length < 4 || j.Length > ThumbnailMessage.MaxJpegBytes || j[0] != 0xFF || j[1] != 0xD8 || j[2] != 0xFF || j[^2] != 0xFF || j[^1] != 0xD9)
        {
            return $"jpeg is not a complete JPEG of at most {ThumbnailMessage.MaxJpegBytes} bytes (SOI FF D8 FF … EOI FF D9)";
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(m.Ts, 0, 253_402_300_799_999));
        if (at > now + Limits.MaxFutureSkew)
        {
            return $"timestamp {at:O} is in the future (edge clock wrong?)";
        }

        return at < now - retention ? $"timestamp {at:O} is older than the retention" : null;
    }
}
