using System.Text.Json;
using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Contracts.Serialization;

/// <summary>
/// The collector's fast path for a <see cref="MetricBatch"/> (issue 3 benchmark): one forward pass of a
/// <see cref="Utf8JsonReader"/> that builds exactly the object <see cref="ContractsJsonContext"/> would, with shared
/// name strings (<see cref="NameCache"/>) and dictionaries sized once. It only accepts plainly well-formed input and
/// returns null for anything else — a wrong type, a missing or repeated property, a non-finite number, invalid UTF-8,
/// malformed JSON — so the source-generated deserializer handles that payload and gives the authoritative rejection.
/// Accepting only what the deserializer accepts identically keeps validation results unchanged.
/// </summary>
internal static class MetricBatchReader
{
    private const int BatchV = 1, BatchSite = 2, BatchRoom = 4, BatchEdge = 8, BatchFloor = 16, BatchPoints = 32, BatchAll = 63;
    private const int PointSeq = 1, PointTs = 2, PointKind = 4, PointFields = 8, PointTags = 16, PointRequired = 15;

    [ThreadStatic]
    private static KeyValuePair<string, FieldValue>[]? _scratch;

    /// <summary>The batch, or null when the payload needs the full deserializer (see the type's remarks).</summary>
    public static MetricBatch? TryRead(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            var batch = ReadBatch(ref reader);
            // Anything after the root value (other than whitespace) is the deserializer's error to report.
            return batch is not null && !reader.Read() ? batch : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in a string, or a token of an unexpected type.
            return null;
        }
    }

    private static MetricBatch? ReadBatch(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int v = 0, seen = 0;
        long floor = 0;
        string site = string.Empty, room = string.Empty, edge = string.Empty;
        List<MetricPoint>? points = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.ValueTextEquals("v"u8) ? BatchV
                : reader.ValueTextEquals("site"u8) ? BatchSite
                : reader.ValueTextEquals("room"u8) ? BatchRoom
                : reader.ValueTextEquals("edge"u8) ? BatchEdge
                : reader.ValueTextEquals("floor"u8) ? BatchFloor
                : reader.ValueTextEquals("points"u8) ? BatchPoints
                : 0;
            reader.Read();
            if ((seen & property) != 0)
            {
                return null;
            }

            seen |= property;
            var ok = property switch
            {
                BatchV => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out v),
                BatchSite => TryString(ref reader, out site),
                BatchRoom => TryString(ref reader, out room),
                BatchEdge => TryString(ref reader, out edge),
                BatchFloor => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out floor),
                BatchPoints => (points = ReadPoints(ref reader)) is not null,
                _ => Skip(ref reader),
            };
            if (!ok)
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != BatchAll)
        {
            return null;
        }

        return new MetricBatch { V = v, Site = site, Room = room, Edge = edge, Floor = floor, Points = points! };
    }

    private static List<MetricPoint>? ReadPoints(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var points = new List<MetricPoint>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var point = ReadPoint(ref reader);
            if (point is null)
            {
                return null;
            }

            points.Add(point);
        }

        return points;
    }

    private static MetricPoint? ReadPoint(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        long seq = 0, ts = 0;
        string kind = string.Empty;
        Dictionary<string, FieldValue>? fields = null;
        Dictionary<string, string>? tags = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.ValueTextEquals("seq"u8) ? PointSeq
                : reader.ValueTextEquals("ts"u8) ? PointTs
                : reader.ValueTextEquals("kind"u8) ? PointKind
                : reader.ValueTextEquals("fields"u8) ? PointFields
                : reader.ValueTextEquals("tags"u8) ? PointTags
                : 0;
            reader.Read();
            if ((seen & property) != 0)
            {
                return null;
            }

            seen |= property;
            var ok = property switch
            {
                PointSeq => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out seq),
                PointTs => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out ts),
                PointKind => TryString(ref reader, out kind),
                PointFields => (fields = ReadFields(ref reader)) is not null,
                PointTags => reader.TokenType == JsonTokenType.Null || (tags = ReadTags(ref reader)) is not null,
                _ => Skip(ref reader),
            };
            if (!ok)
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || (seen & PointRequired) != PointRequired)
        {
            return null;
        }

        return new MetricPoint { Seq = seq, Ts = ts, Kind = kind, Fields = fields!, Tags = tags };
    }

    private static Dictionary<string, FieldValue>? ReadFields(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var scratch = _scratch ??= new KeyValuePair<string, FieldValue>[Limits.MaxFieldsPerPoint];
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (count == scratch.Length || !NameCache.TryGet(ref reader, out var key))
            {
                // Too many fields is the validator's refusal to word; a bad name the deserializer's.
                return null;
            }

            reader.Read();
            if (!TryFieldValue(ref reader, out var value))
            {
                return null;
            }

            scratch[count++] = new(key, value);
        }

        var fields = new Dictionary<string, FieldValue>(count);
        for (var i = 0; i < count; i++)
        {
            if (!fields.TryAdd(scratch[i].Key, scratch[i].Value))
            {
                // A repeated key: how the deserializer resolves it is its business.
                return null;
            }

            scratch[i] = default;
        }

        return fields;
    }

    private static bool TryFieldValue(ref Utf8JsonReader reader, out FieldValue value)
    {
        // As FieldValueJsonConverter, except that every refusal is left to it (null here).
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out var number) && double.IsFinite(number):
                value = FieldValue.Of(number);
                return true;
            case JsonTokenType.True:
                value = FieldValue.Of(true);
                return true;
            case JsonTokenType.False:
                value = FieldValue.Of(false);
                return true;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (text is "NaN" or "Infinity" or "-Infinity")
                {
                    value = default;
                    return false;
                }

                value = FieldValue.Of(text);
                return true;
            default:
                value = default;
                return false;
        }
    }

    private static Dictionary<string, string>? ReadTags(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var tags = new Dictionary<string, string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!NameCache.TryGet(ref reader, out var key))
            {
                return null;
            }

            reader.Read();
            if (!TryString(ref reader, out var value) || !tags.TryAdd(key, value))
            {
                return null;
            }
        }

        return tags;
    }

    private static bool TryString(ref Utf8JsonReader reader, out string value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            value = string.Empty;
            return false;
        }

        return NameCache.TryGet(ref reader, out value);
    }

    private static bool Skip(ref Utf8JsonReader reader)
    {
        // An unknown property: ignored, as the context's UnmappedMemberHandling.Skip does.
        reader.Skip();
        return true;
    }
}
