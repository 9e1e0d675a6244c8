using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;

namespace LiveRoom.Probe.Outbox;

public sealed partial class DiskOutbox
{
    /// <summary>Event type of the point that reports points dropped by a full outbox.</summary>
    public const string OverflowEventType = EventTypes.OutboxOverflow;

    /// <summary>
    /// Appends a point, assigning the next sequence number (the <see cref="MetricPoint.Seq"/> passed in is ignored).
    /// Returns the point as stored. May drop the oldest segments when the bound is reached (see the type's remarks).
    /// </summary>
    /// <exception cref="ArgumentException">the point's JSON exceeds the 64 KiB payload limit.</exception>
    /// <exception cref="OutboxException">the write failed (e.g. disk full); nothing was appended.</exception>
    public MetricPoint Append(MetricPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var stored = AppendCore(point);
            EnforceBound();
            return stored;
        }
    }

    private MetricPoint AppendCore(MetricPoint point)
    {
        var stored = point with { Seq = _nextSeq };
        var json = JsonSerializer.SerializeToUtf8Bytes(stored, ContractsJsonContext.Default.MetricPoint);
        if (json.Length > OutboxRecordFormat.MaxJsonBytes)
        {
            throw new ArgumentException($"point of kind {point.Kind} is {json.Length} bytes of JSON; at most {OutboxRecordFormat.MaxJsonBytes} are allowed", nameof(point));
        }

        var record = new byte[OutboxRecordFormat.HeaderBytes + OutboxRecordFormat.SeqBytes + json.Length];
        OutboxRecordFormat.Encode(record, stored.Seq, json);
        if (Active.Length > 0 && Active.Length + record.Length > _options.EffectiveSegmentBytes)
        {
            Roll();
        }

        var segment = Active;
        try
        {
            _writer.Write(record);
        }
        catch (IOException ex)
        {
            // Cut a partial record off again, or the next record would follow garbage and be lost at the next open.
            TryTruncate(segment.Length);
            throw new OutboxException($"outbox append to {segment.Path} failed: {ex.Message}", ex);
        }

        segment.Length += record.Length;
        segment.LastSeq = stored.Seq;
        _totalBytes += record.Length;
        _nextSeq++;
        _metaDirty = true;
        return stored;
    }

    private void TryTruncate(long length)
    {
        try
        {
            _writer.SetLength(length);
            _writer.Seek(length, SeekOrigin.Begin);
        }
        catch (IOException)
        {
            // The open-time scan truncates it instead.
        }
    }

    /// <summary>Closes the active segment (fsynced, so closed segments never need a scan) and starts the next.</summary>
    private void Roll()
    {
        _writer.Flush(flushToDisk: true);
        _durableSeq = _nextSeq - 1;
        _writer.Dispose();
        var segment = new OutboxSegment(Path.Combine(_options.Directory, OutboxSegment.FileName(_nextSeq)), _nextSeq);
        _segments.Add(segment);
        _writer = OpenWriter(segment);
    }

    private void EnforceBound()
    {
        long dropped = 0;
        long fromSeq = 0;
        long toSeq = 0;
        while (_totalBytes > _options.MaxBytes && _segments.Count > 1)
        {
            var oldest = _segments[0];
            var firstUnacked = Math.Max(oldest.FirstSeq, _acked + 1);
            if (oldest.LastSeq >= firstUnacked)
            {
                fromSeq = dropped == 0 ? firstUnacked : fromSeq;
                toSeq = oldest.LastSeq;
                dropped += oldest.LastSeq - firstUnacked + 1;
            }

            DeleteSegment(oldest);
        }

        if (dropped == 0)
        {
            return;
        }

        _dropped += dropped;
        OutboxLog.Overflow(_logger, _options.MaxBytes, dropped, fromSeq, toSeq, _dropped);
        if (_reportingOverflow)
        {
            return;
        }

        _reportingOverflow = true;
        try
        {
            AppendCore(new MetricPoint
            {
                Seq = 0,
                Ts = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                Kind = MetricKind.Event,
                Fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
                {
                    [EventFields.Type] = OverflowEventType,
                    [EventFields.Dropped] = (double)dropped,
                },
                Tags = new Dictionary<string, string>(StringComparer.Ordinal) { [EventFields.Type] = OverflowEventType },
            });
            EnforceBound();
        }
        finally
        {
            _reportingOverflow = false;
        }
    }

    private void DeleteSegment(OutboxSegment segment)
    {
        if (ReferenceEquals(_readerSegment, segment))
        {
            CloseReader();
        }

        File.Delete(segment.Path);
        _segments.Remove(segment);
        _totalBytes -= segment.Length;
    }
}
