using System.Globalization;
using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Ingest.LineProtocol;

/// <summary>
/// Encodes a <see cref="MetricPoint"/> as one InfluxDB 1.x line-protocol line:
/// <c>{kind},{tags sorted by key} {fields},seq={seq}i {timestamp ns}\n</c>.
/// Not thread-safe (it keeps a scratch array); use one per writer.
/// </summary>
/// <remarks>
/// Tags are <c>site</c>, <c>room</c> and the point's own tags, all in ordinal key order (the order InfluxDB
/// stores them in, so it need not sort them). Numbers are floats in shortest round-trip form, booleans
/// <c>true</c>/<c>false</c>, strings quoted; the sequence number is the integer field <c>seq</c>.
/// The timestamp is <c>ts_ms * 1,000,000 + seq % 1,000,000</c> nanoseconds: a replayed point gets the same
/// timestamp and overwrites itself, and two points of one series in the same millisecond do not collide
/// (see docs/decisions/0004-ingest-write-path.md). Escaping: <see cref="LineEscaper"/>.
/// </remarks>
public sealed class LineProtocolEncoder
{
    /// <summary>Name of the integer field that carries the point's sequence number.</summary>
    public const string SequenceField = MetricKind.SequenceField;

    /// <summary>Largest source timestamp (ms) whose nanosecond form still fits InfluxDB's int64 time.</summary>
    public const long MaxTimestampMs = (long.MaxValue / 1_000_000) - 1;

    private KeyValuePair<string, string>[] _tags = new KeyValuePair<string, string>[Limits.MaxTagsPerPoint + 2];

    /// <summary>Appends one line for <paramref name="point"/>; on an exception nothing is appended.</summary>
    /// <exception cref="ArgumentOutOfRangeException">the timestamp or sequence is outside what InfluxDB can store.</exception>
    public void Encode(LineBuffer buffer, string site, string room, MetricPoint point)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(point);
        if (point.Ts < 0 || point.Ts > MaxTimestampMs)
        {
            throw new ArgumentOutOfRangeException(nameof(point), point.Ts, "ts is outside InfluxDB's time range");
        }

        if (point.Seq < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(point), point.Seq, "seq is negative");
        }

        buffer.BeginLine();
        try
        {
            LineEscaper.Write(buffer, point.Kind, EscapeContext.Measurement);
            WriteTags(buffer, site, room, point.Tags);
            buffer.Write((byte)' ');
            WriteFields(buffer, point);
            buffer.Write((byte)' ');
            WriteInt64(buffer, (point.Ts * 1_000_000) + (point.Seq % 1_000_000));
            buffer.Write((byte)'\n');
        }
        catch
        {
            buffer.AbandonLine();
            throw;
        }

        buffer.EndLine();
    }

    private void WriteTags(LineBuffer buffer, string site, string room, IReadOnlyDictionary<string, string>? extra)
    {
        var count = 0;
        var needed = 2 + (extra?.Count ?? 0);
        if (_tags.Length < needed)
        {
            _tags = new KeyValuePair<string, string>[needed];
        }

        _tags[count++] = new("site", site);
        _tags[count++] = new("room", room);
        if (extra is not null)
        {
            foreach (var tag in extra)
            {
                _tags[count++] = tag;
            }
        }

        // Insertion sort: at most a handful of tags.
        for (var i = 1; i < count; i++)
        {
            var current = _tags[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(_tags[j].Key, current.Key) > 0)
            {
                _tags[j + 1] = _tags[j];
                j--;
            }

            _tags[j + 1] = current;
        }

        for (var i = 0; i < count; i++)
        {
            buffer.Write((byte)',');
            LineEscaper.Write(buffer, _tags[i].Key, EscapeContext.Key);
            buffer.Write((byte)'=');
            LineEscaper.Write(buffer, _tags[i].Value, EscapeContext.Key);
            _tags[i] = default;
        }
    }

    private static void WriteFields(LineBuffer buffer, MetricPoint point)
    {
        if (point.Fields is Dictionary<string, FieldValue> dictionary)
        {
            // The deserialised type: its struct enumerator avoids an allocation per point.
            foreach (var (key, value) in dictionary)
            {
                WriteField(buffer, key, value);
            }
        }
        else
        {
            foreach (var (key, value) in point.Fields)
            {
                WriteField(buffer, key, value);
            }
        }

        buffer.Write("seq="u8);
        WriteInt64(buffer, point.Seq);
        buffer.Write((byte)'i');
    }

    private static void WriteField(LineBuffer buffer, string key, FieldValue value)
    {
        // The sequence field is the collector's; the collector refuses points that use the name themselves.
        if (string.Equals(key, SequenceField, StringComparison.Ordinal))
        {
            return;
        }

        LineEscaper.Write(buffer, key, EscapeContext.Key);
        buffer.Write((byte)'=');
        switch (value.Type)
        {
            case FieldType.Number:
                var span = buffer.GetSpan(32);
                if (!value.Number.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture))
                {
                    throw new InvalidOperationException("a double did not fit 32 bytes");
                }

                buffer.Advance(written);
                break;
            case FieldType.Boolean:
                buffer.Write(value.Boolean ? "true"u8 : "false"u8);
                break;
            default:
                buffer.Write((byte)'"');
                LineEscaper.Write(buffer, value.Text ?? string.Empty, EscapeContext.StringField);
                buffer.Write((byte)'"');
                break;
        }

        buffer.Write((byte)',');
    }

    private static void WriteInt64(LineBuffer buffer, long value)
    {
        var span = buffer.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        buffer.Advance(written);
    }
}
