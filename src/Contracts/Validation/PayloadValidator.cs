using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;

namespace LiveRoom.Contracts.Validation;

/// <summary>
/// Parses and checks a <see cref="MetricBatch"/> received on a room topic. Every refusal comes back as a
/// <see cref="Rejection"/> naming the problem; this never throws for bad input (STYLE.md rule 11).
/// </summary>
public static class PayloadValidator
{
    public static bool TryParseBatch(
        ParsedTopic topic,
        ReadOnlySpan<byte> payload,
        DateTimeOffset now,
        [NotNullWhen(true)] out MetricBatch? batch,
        [NotNullWhen(false)] out Rejection? rejection)
    {
        batch = null;
        if (payload.Length > Limits.MaxPayloadBytes)
        {
            rejection = new(RejectReason.TooLarge, $"payload is {payload.Length} bytes; the limit is {Limits.MaxPayloadBytes}");
            return false;
        }

        try
        {
            // The fast reader takes plainly well-formed batches; anything else gets the deserializer's verdict.
            batch = MetricBatchReader.TryRead(payload) ?? JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.MetricBatch);
        }
        catch (NonFiniteValueException ex)
        {
            rejection = new(RejectReason.NonFinite, JsonProblem.Describe(ex));
            return false;
        }
        catch (JsonException ex)
        {
            rejection = Classify(ex);
            return false;
        }

        if (batch is null)
        {
            rejection = new(RejectReason.BadJson, "payload is JSON null, not an object");
            return false;
        }

        rejection = Check(topic, batch, now);
        if (rejection is not null)
        {
            batch = null;
            return false;
        }

        return true;
    }

    /// <summary>Checks an already-deserialised batch against the topic it arrived on.</summary>
    public static Rejection? Check(ParsedTopic topic, MetricBatch batch, DateTimeOffset now)
    {
        if (batch.V != SchemaVersion.Current)
        {
            return new(RejectReason.UnknownSchemaVersion, $"schema version {batch.V} is not supported (this collector reads {SchemaVersion.Current})");
        }

        if (batch.Site is null || batch.Room is null || batch.Edge is null || batch.Points is null)
        {
            return new(RejectReason.MissingField, "site, room, edge and points are required");
        }

        if (!Identifier.IsValid(batch.Site, out var why) || !Identifier.IsValid(batch.Room, out why) || !Identifier.IsValid(batch.Edge, out why))
        {
            return new(RejectReason.BadIdentifier, why);
        }

        if (!string.Equals(batch.Site, topic.Site, StringComparison.Ordinal))
        {
            return new(RejectReason.SiteMismatch, $"payload site '{batch.Site}' differs from topic site '{topic.Site}'");
        }

        if (!string.Equals(batch.Room, topic.Room, StringComparison.Ordinal))
        {
            return new(RejectReason.RoomMismatch, $"payload room '{batch.Room}' differs from topic room '{topic.Room}'");
        }

        if (batch.Points.Count == 0)
        {
            return new(RejectReason.EmptyBatch, "the batch has no points");
        }

        if (batch.Floor < 1)
        {
            return new(RejectReason.BadSequence, $"floor {batch.Floor} is below 1");
        }

        var latest = now + Limits.MaxFutureSkew;
        for (var i = 0; i < batch.Points.Count; i++)
        {
            var problem = CheckPoint(topic, batch.Points[i], latest);
            if (problem is not null)
            {
                return problem with { Detail = $"points[{i}]: {problem.Detail}" };
            }
        }

        return null;
    }

    private static Rejection? CheckPoint(ParsedTopic topic, MetricPoint point, DateTimeOffset latest)
    {
        if (point is null || point.Kind is null || point.Fields is null)
        {
            return new(RejectReason.MissingField, "kind and fields are required");
        }

        if (point.Seq < 1)
        {
            return new(RejectReason.BadSequence, $"seq {point.Seq} is below 1");
        }

        if (!Identifier.IsValid(point.Kind, out var why))
        {
            return new(RejectReason.BadIdentifier, $"kind: {why}");
        }

        var expected = ExpectedKind(topic);
        if (expected is not null && !string.Equals(expected, point.Kind, StringComparison.Ordinal))
        {
            return new(RejectReason.KindMismatch, $"kind '{point.Kind}' does not belong on topic channel '{topic.Channel}/{topic.Sub}'");
        }

        if (point.Ts <= 0 || point.Ts > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return new(RejectReason.BadTimestamp, $"ts {point.Ts} is not a Unix time in milliseconds");
        }

        if (point.Ts > latest.ToUnixTimeMilliseconds())
        {
            return new(RejectReason.FutureTimestamp, $"ts {point.Timestamp:O} is more than {Limits.MaxFutureSkew.TotalHours:0} h ahead of the collector's clock");
        }

        if (point.Fields.Count == 0)
        {
            return new(RejectReason.MissingField, "a point needs at least one field");
        }

        if (point.Fields.Count > Limits.MaxFieldsPerPoint || (point.Tags?.Count ?? 0) > Limits.MaxTagsPerPoint)
        {
            return new(RejectReason.TooManyFields, $"at most {Limits.MaxFieldsPerPoint} fields and {Limits.MaxTagsPerPoint} tags per point");
        }

        foreach (var (key, value) in point.Fields)
        {
            if (!IsValidKey(key, out why))
            {
                return new(RejectReason.BadIdentifier, $"field key {why}");
            }

            if (value.Type == FieldType.Text && value.Text!.Length > Limits.MaxStringFieldLength)
            {
                return new(RejectReason.TooLarge, $"field '{key}' is {value.Text.Length} characters; at most {Limits.MaxStringFieldLength}");
            }
        }

        if (point.Tags is not null)
        {
            foreach (var (key, value) in point.Tags)
            {
                if (!IsValidKey(key, out why) || key is "site" or "room" or "edge")
                {
                    return new(RejectReason.BadIdentifier, $"tag key {why ?? $"'{key}' is reserved"}");
                }

                if (string.IsNullOrEmpty(value) || value.Length > Limits.MaxKeyLength)
                {
                    return new(RejectReason.BadIdentifier, $"tag '{key}' must have a value of 1–{Limits.MaxKeyLength} characters");
                }
            }
        }

        return null;
    }

    /// <summary>The kind a topic implies, or null when any kind may arrive there (<c>metrics/batch</c>).</summary>
    private static string? ExpectedKind(ParsedTopic topic) => topic.Channel switch
    {
        TopicChannel.Metrics when topic.Sub == Topic.MixedKinds => null,
        TopicChannel.Metrics => topic.Sub,
        TopicChannel.Events => MetricKind.Event,
        TopicChannel.Checklist => MetricKind.Checklist,
        _ => null,
    };

    private static bool IsValidKey(string key, [NotNullWhen(false)] out string? reason)
    {
        if (string.IsNullOrEmpty(key) || key.Length > Limits.MaxKeyLength)
        {
            reason = $"'{key}' must be 1–{Limits.MaxKeyLength} characters";
            return false;
        }

        // InfluxDB 1.x refuses a field or tag named "time"; keys starting with '_' are reserved by InfluxDB 2/3.
        if (key == "time" || key[0] == '_')
        {
            reason = $"'{key}' is reserved by InfluxDB";
            return false;
        }

        reason = null;
        return true;
    }

    private static Rejection Classify(JsonException ex)
    {
        var detail = JsonProblem.Describe(ex);
        if (ex.Message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase))
        {
            return new(RejectReason.MissingField, detail);
        }

        // A value of the wrong JSON type yields "could not be converted"; malformed JSON has no such text.
        return ex.Message.Contains("could not be converted", StringComparison.Ordinal) || ex.Message.Contains("must be a number", StringComparison.Ordinal)
            ? new(RejectReason.WrongType, detail)
            : new(RejectReason.BadJson, detail);
    }

}
