using System.Buffers.Binary;
using System.Globalization;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Ingest.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Spill;

/// <summary>
/// The collector's own disk buffer for batches InfluxDB could not take: append-only segment files
/// (<c>{n:D12}.spill</c>) under the state directory, each record fsync'd before <see cref="Append"/> returns,
/// read back in order (oldest first). A segment is deleted once drained; after a crash the remaining segments are
/// drained again from their start (points that were already written overwrite themselves). Thread-safe.
/// </summary>
public sealed class SpillBuffer : IDisposable
{
    private const string Extension = ".spill";

    private readonly object _gate = new();
    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly ILogger _logger;
    private readonly List<string> _segments = [];
    private FileStream? _tail;
    private long _nextSegment;
    private long _headOffset;
    private int _headRecordSize;
    private long _pending;

    public SpillBuffer(string directory, long segmentBytes, ILogger? logger = null)
    {
        _directory = directory;
        _segmentBytes = segmentBytes;
        _logger = logger ?? NullLogger.Instance;
        Directory.CreateDirectory(directory);
        foreach (var path in Directory.GetFiles(directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            _segments.Add(path);
            _pending += CountRecords(path);
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                _nextSegment = Math.Max(_nextSegment, n);
            }
        }
    }

    /// <summary>Records waiting to be drained.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public bool IsEmpty => Pending == 0;

    /// <summary>Appends <paramref name="batch"/> and fsyncs it.</summary>
    public void Append(WriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var record = SpillRecord.Serialize(batch);
        lock (_gate)
        {
            if (_tail is null || _tail.Length >= _segmentBytes)
            {
                _tail?.Dispose();
                var path = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"{++_nextSegment:D12}{Extension}"));
                _tail = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                _segments.Add(path);
            }

            _tail.Write(record);
            _tail.Flush(flushToDisk: true);
            Interlocked.Increment(ref _pending);
        }
    }

    /// <summary>Reads the oldest record into <paramref name="batch"/> without removing it; false when empty.</summary>
    public bool TryPeek(WriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            while (_segments.Count > 0)
            {
                var path = _segments[0];
                var body = ReadRecord(path, _headOffset, out var size);
                if (body is not null)
                {
                    SpillRecord.Deserialize(body, batch);
                    _headRecordSize = size;
                    return true;
                }

                if (_segments.Count == 1)
                {
                    return false;
                }

                // Head segment exhausted (or torn): go on with the next one.
                DeleteHeadSegment();
            }

            return false;
        }
    }

    /// <summary>Removes the record last returned by <see cref="TryPeek"/> (it is in InfluxDB now).</summary>
    public void RemoveHead()
    {
        lock (_gate)
        {
            if (_headRecordSize == 0)
            {
                throw new InvalidOperationException("no record was peeked");
            }

            _headOffset += _headRecordSize;
            _headRecordSize = 0;
            if (Interlocked.Decrement(ref _pending) <= 0)
            {
                // Everything is drained: reclaim the disk and start the next spill in a fresh segment.
                Interlocked.Exchange(ref _pending, 0);
                _tail?.Dispose();
                _tail = null;
                while (_segments.Count > 0)
                {
                    DeleteHeadSegment();
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _tail?.Dispose();
            _tail = null;
        }
    }

    private void DeleteHeadSegment()
    {
        if (_tail is not null && string.Equals(_tail.Name, _segments[0], StringComparison.Ordinal))
        {
            _tail.Dispose();
            _tail = null;
        }

        File.Delete(_segments[0]);
        _segments.RemoveAt(0);
        _headOffset = 0;
    }

    /// <summary>The body of the record at <paramref name="offset"/>, or null at the end of the file or at a torn record.</summary>
    private byte[]? ReadRecord(string path, long offset, out int size)
    {
        size = 0;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (file.Length - offset < SpillRecord.HeaderSize + SpillRecord.TrailerSize)
        {
            return null;
        }

        file.Position = offset;
        Span<byte> header = stackalloc byte[SpillRecord.HeaderSize];
        file.ReadExactly(header);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (BinaryPrimitives.ReadInt32LittleEndian(header) != SpillRecord.Magic || length < 4 || file.Length - file.Position < length + SpillRecord.TrailerSize)
        {
            IngestLog.SpillTornTail(_logger, path, offset);
            return null;
        }

        var body = new byte[length];
        file.ReadExactly(body);
        Span<byte> trailer = stackalloc byte[SpillRecord.TrailerSize];
        file.ReadExactly(trailer);
        if (BinaryPrimitives.ReadInt32LittleEndian(trailer) != length || BinaryPrimitives.ReadInt32LittleEndian(trailer[4..]) != SpillRecord.Magic)
        {
            IngestLog.SpillTornTail(_logger, path, offset);
            return null;
        }

        size = SpillRecord.HeaderSize + length + SpillRecord.TrailerSize;
        return body;
    }

    private long CountRecords(string path)
    {
        long count = 0;
        long offset = 0;
        while (ReadRecord(path, offset, out var size) is not null)
        {
            count++;
            offset += size;
        }

        return count;
    }
}
