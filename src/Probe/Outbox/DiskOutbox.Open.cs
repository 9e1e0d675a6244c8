using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Outbox;

public sealed partial class DiskOutbox
{
    /// <summary>
    /// Opens (or creates) the outbox in <see cref="OutboxOptions.Directory"/>. After a crash the last segment is
    /// scanned and a torn tail (bad length, missing bytes, bad CRC, wrong seq) is truncated; numbering resumes after
    /// the last good record.
    /// </summary>
    /// <exception cref="OutboxException">the directory or the meta file cannot be used.</exception>
    public static DiskOutbox Open(OutboxOptions options, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        logger ??= NullLogger.Instance;
        try
        {
            return OpenCore(options, time, logger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutboxException($"outbox directory {Path.GetFullPath(options.Directory)} cannot be used: {ex.Message}", ex);
        }
    }

    private static DiskOutbox OpenCore(OutboxOptions options, TimeProvider time, ILogger logger)
    {
        System.IO.Directory.CreateDirectory(options.Directory);
        var lockFile = AcquireLock(options.Directory);
        try
        {
            return OpenLocked(options, time, logger, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One process per outbox: two writers appending to the same segment would interleave records. .NET takes an
    /// exclusive advisory lock (flock) for FileShare.None on Unix; the kernel drops it when the process dies.
    /// </summary>
    private static FileStream AcquireLock(string directory)
    {
        var path = Path.Combine(directory, LockFileName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new OutboxException($"outbox {Path.GetFullPath(directory)} is in use by another process ({path} is locked)", ex);
        }
    }

    private static DiskOutbox OpenLocked(OutboxOptions options, TimeProvider time, ILogger logger, FileStream lockFile)
    {
        var meta = OutboxMeta.Load(options.Directory);
        if (meta is null)
        {
            meta = OutboxMeta.CreateNew();
            meta.Save(options.Directory);
            OutboxLog.Created(logger, options.Directory, meta.Edge);
        }

        var segments = new List<OutboxSegment>();
        foreach (var path in System.IO.Directory.EnumerateFiles(options.Directory, "*" + OutboxSegment.Extension))
        {
            if (OutboxSegment.TryParseFileName(Path.GetFileName(path), out var firstSeq))
            {
                segments.Add(new OutboxSegment(path, firstSeq) { Length = new FileInfo(path).Length });
            }
        }

        segments.Sort((a, b) => a.FirstSeq.CompareTo(b.FirstSeq));
        for (var i = 0; i < segments.Count - 1; i++)
        {
            // Closed segments were fsynced when they were closed; contiguous numbering gives their last seq.
            segments[i].LastSeq = segments[i + 1].FirstSeq - 1;
        }

        // The records are the truth: numbering resumes after the last good one (a torn record was never
        // published, as only fsynced records are read), or after the acknowledged pointer if that is beyond.
        // The meta file's next seq only matters when no segment file is left.
        var nextSeq = meta.NextSeq;
        if (segments.Count > 0)
        {
            ScanTail(segments[^1], logger);
            nextSeq = segments[^1].LastSeq + 1;
        }

        nextSeq = Math.Max(nextSeq, meta.Acked + 1);

        if (segments.Count == 0 || segments[^1].LastSeq + 1 != nextSeq)
        {
            var path = Path.Combine(options.Directory, OutboxSegment.FileName(nextSeq));
            segments.Add(new OutboxSegment(path, nextSeq) { Length = File.Exists(path) ? new FileInfo(path).Length : 0 });
            if (segments[^1].Length > 0)
            {
                ScanTail(segments[^1], logger);
            }
        }

        var outbox = new DiskOutbox(options, time, logger, meta.Edge, segments, nextSeq, Math.Min(meta.Acked, nextSeq - 1), lockFile);
        OutboxLog.Opened(logger, options.Directory, outbox.EdgeId, outbox.Floor, nextSeq - 1, outbox.SizeBytes, segments.Count);
        return outbox;
    }

    /// <summary>Validates every record of a segment from the start and truncates the file after the last good one.</summary>
    private static void ScanTail(OutboxSegment segment, ILogger logger)
    {
        using var file = new FileStream(segment.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        var handle = file.SafeFileHandle;
        var fileLength = RandomAccess.GetLength(handle);
        var header = new byte[OutboxRecordFormat.HeaderBytes];
        var body = new byte[OutboxRecordFormat.SeqBytes + OutboxRecordFormat.MaxJsonBytes];
        long offset = 0;
        var expected = segment.FirstSeq;
        while (offset + OutboxRecordFormat.HeaderBytes <= fileLength)
        {
            if (RandomAccess.Read(handle, header, offset) != header.Length
                || !OutboxRecordFormat.TryReadHeader(header, out var bodyLength, out var crc)
                || offset + OutboxRecordFormat.HeaderBytes + bodyLength > fileLength)
            {
                break;
            }

            var span = body.AsSpan(0, bodyLength);
            if (RandomAccess.Read(handle, span, offset + OutboxRecordFormat.HeaderBytes) != bodyLength
                || !OutboxRecordFormat.CheckBody(span, crc, out var seq)
                || seq != expected)
            {
                break;
            }

            offset += OutboxRecordFormat.HeaderBytes + bodyLength;
            expected++;
        }

        if (offset < fileLength)
        {
            OutboxLog.TornTail(logger, segment.Path, expected - 1, offset, fileLength - offset);
            file.SetLength(offset);
            file.Flush(flushToDisk: true);
        }

        segment.Length = offset;
        segment.LastSeq = expected - 1;
    }
}
