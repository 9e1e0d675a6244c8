using System.Buffers.Binary;
using System.Text;
using LiveRoom.Ingest.Acking;
using LiveRoom.Ingest.Writing;

namespace LiveRoom.Ingest.Spill;

/// <summary>
/// On-disk form of one spilled <see cref="WriteBatch"/>:
/// <c>"LRS1" | int32 body length | body | int32 body length | "LRS1"</c>, where the body is
/// <c>int32 range count | ranges (site, room, edge as length-prefixed UTF-8; int64 from, to) | line bytes</c>.
/// The trailer makes a record torn by a crash recognisable; it is then ignored.
/// </summary>
internal static class SpillRecord
{
    public const int Magic = 0x3153524C; // "LRS1" little-endian
    public const int HeaderSize = 8;
    public const int TrailerSize = 8;

    public static byte[] Serialize(WriteBatch batch)
    {
        var size = 4 + batch.Lines.Length;
        foreach (var range in batch.Ranges)
        {
            size += 16 + 12 + Encoding.UTF8.GetByteCount(range.Edge.Site) + Encoding.UTF8.GetByteCount(range.Edge.Room) + Encoding.UTF8.GetByteCount(range.Edge.Edge);
        }

        var record = new byte[HeaderSize + size + TrailerSize];
        var span = record.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], size);
        var body = span.Slice(HeaderSize, size);
        BinaryPrimitives.WriteInt32LittleEndian(body, batch.Ranges.Count);
        var at = 4;
        foreach (var range in batch.Ranges)
        {
            at += WriteString(body[at..], range.Edge.Site);
            at += WriteString(body[at..], range.Edge.Room);
            at += WriteString(body[at..], range.Edge.Edge);
            BinaryPrimitives.WriteInt64LittleEndian(body[at..], range.From);
            BinaryPrimitives.WriteInt64LittleEndian(body[(at + 8)..], range.To);
            at += 16;
        }

        batch.Lines.Span.CopyTo(body[at..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[(HeaderSize + size)..], size);
        BinaryPrimitives.WriteInt32LittleEndian(span[(HeaderSize + size + 4)..], Magic);
        return record;
    }

    /// <summary>Fills <paramref name="batch"/> from a record body.</summary>
    public static void Deserialize(ReadOnlySpan<byte> body, WriteBatch batch)
    {
        batch.Clear();
        var count = BinaryPrimitives.ReadInt32LittleEndian(body);
        var at = 4;
        for (var i = 0; i < count; i++)
        {
            var site = ReadString(body, ref at);
            var room = ReadString(body, ref at);
            var edge = ReadString(body, ref at);
            var from = BinaryPrimitives.ReadInt64LittleEndian(body[at..]);
            var to = BinaryPrimitives.ReadInt64LittleEndian(body[(at + 8)..]);
            at += 16;
            batch.AddRange(new SeqRange(new EdgeKey(site, room, edge), from, to));
        }

        batch.Lines.AppendLines(body[at..]);
    }

    private static int WriteString(Span<byte> target, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, target[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(target, length);
        return 4 + length;
    }

    private static string ReadString(ReadOnlySpan<byte> body, ref int at)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
        var value = Encoding.UTF8.GetString(body.Slice(at + 4, length));
        at += 4 + length;
        return value;
    }
}
