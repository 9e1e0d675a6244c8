using System.Buffers.Binary;

namespace LiveRoom.Probe.Outbox;

/// <summary>
/// One record on disk: <c>[int32 body length][uint32 CRC-32 of body][body]</c>, little-endian, where the body is
/// <c>[int64 seq][UTF-8 JSON of the MetricPoint]</c>. A record is good only if its length is plausible, all its
/// bytes are there, the CRC matches and its seq is the one expected next; the first bad record ends the log.
/// </summary>
internal static class OutboxRecordFormat
{
    public const int HeaderBytes = 8;
    public const int SeqBytes = 8;

    /// <summary>Largest JSON body accepted (the contract's payload limit).</summary>
    public const int MaxJsonBytes = Contracts.Payloads.Limits.MaxPayloadBytes;

    public static int Encode(Span<byte> destination, long seq, ReadOnlySpan<byte> json)
    {
        var bodyLength = SeqBytes + json.Length;
        var body = destination.Slice(HeaderBytes, bodyLength);
        BinaryPrimitives.WriteInt64LittleEndian(body, seq);
        json.CopyTo(body[SeqBytes..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Crc32.Compute(body));
        return HeaderBytes + bodyLength;
    }

    /// <summary>Reads the header; false when the length is implausible.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, out int bodyLength, out uint crc)
    {
        bodyLength = BinaryPrimitives.ReadInt32LittleEndian(header);
        crc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        return bodyLength > SeqBytes && bodyLength <= SeqBytes + MaxJsonBytes;
    }

    public static bool CheckBody(ReadOnlySpan<byte> body, uint crc, out long seq)
    {
        seq = BinaryPrimitives.ReadInt64LittleEndian(body);
        return Crc32.Compute(body) == crc;
    }
}
