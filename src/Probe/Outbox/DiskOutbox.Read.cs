using System.Text.Json;
using LiveRoom.Contracts.Serialization;
using Microsoft.Win32.SafeHandles;

namespace LiveRoom.Probe.Outbox;

public sealed partial class DiskOutbox
{
    private SafeFileHandle? _reader;
    private OutboxSegment? _readerSegment;
    private long _readerOffset;
    private long _readerNextSeq;

    /// <summary>
    /// Reads fsynced points in sequence order from <paramref name="fromSeq"/> (or from <see cref="Floor"/> if that is
    /// higher), at most <paramref name="maxPoints"/> and about <paramref name="maxJsonBytes"/> of JSON (the first point
    /// is always returned). Reading on from where the previous call ended is a sequential read (the position is kept).
    /// </summary>
    public IReadOnlyList<StoredPoint> Read(long fromSeq, int maxPoints, int maxJsonBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var from = Math.Max(fromSeq, FloorCore());
            if (from > _durableSeq)
            {
                return [];
            }

            var result = new List<StoredPoint>(Math.Min(maxPoints, (int)Math.Min(int.MaxValue, _durableSeq - from + 1)));
            var bytes = 0;
            var index = FindSegment(from);
            if (!ReferenceEquals(_readerSegment, _segments[index]) || _readerNextSeq != from)
            {
                PositionReader(_segments[index]);
            }

            var header = new byte[OutboxRecordFormat.HeaderBytes];
            while (result.Count < maxPoints && _readerNextSeq <= _durableSeq)
            {
                if (_readerOffset >= _readerSegment!.Length)
                {
                    if (++index >= _segments.Count)
                    {
                        break;
                    }

                    PositionReader(_segments[index]);
                    continue;
                }

                if (!TryReadRecord(header, out var seq, out var json))
                {
                    OutboxLog.BadRecord(_logger, _readerSegment.Path, _readerOffset, _readerNextSeq);
                    _readerOffset = _readerSegment.Length;
                    continue;
                }

                if (seq < from)
                {
                    continue;
                }

                if (result.Count > 0 && bytes + json.Length > maxJsonBytes)
                {
                    // Not consumed: step back so the next call starts with it.
                    _readerOffset -= OutboxRecordFormat.HeaderBytes + OutboxRecordFormat.SeqBytes + json.Length;
                    _readerNextSeq = seq;
                    break;
                }

                var point = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.MetricPoint)!;
                result.Add(new StoredPoint(point, json.Length));
                bytes += json.Length;
            }

            return result;
        }
    }

    private int FindSegment(long seq)
    {
        for (var i = _segments.Count - 1; i > 0; i--)
        {
            if (_segments[i].FirstSeq <= seq)
            {
                return i;
            }
        }

        return 0;
    }

    private void PositionReader(OutboxSegment segment)
    {
        CloseReader();
        _reader = OpenRead(segment.Path);
        _readerSegment = segment;
        _readerOffset = 0;
        _readerNextSeq = segment.FirstSeq;
    }

    private bool TryReadRecord(byte[] header, out long seq, out byte[] json)
    {
        seq = 0;
        json = [];
        if (RandomAccess.Read(_reader!, header, _readerOffset) != header.Length
            || !OutboxRecordFormat.TryReadHeader(header, out var bodyLength, out var crc))
        {
            return false;
        }

        var body = new byte[bodyLength];
        if (RandomAccess.Read(_reader!, body, _readerOffset + OutboxRecordFormat.HeaderBytes) != bodyLength
            || !OutboxRecordFormat.CheckBody(body, crc, out seq)
            || seq != _readerNextSeq)
        {
            return false;
        }

        json = body[OutboxRecordFormat.SeqBytes..];
        _readerOffset += OutboxRecordFormat.HeaderBytes + bodyLength;
        _readerNextSeq = seq + 1;
        return true;
    }

    private void CloseReader()
    {
        _reader?.Dispose();
        _reader = null;
        _readerSegment = null;
        _readerNextSeq = 0;
    }
}
