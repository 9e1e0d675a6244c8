using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace LiveRoom.Probe.Outbox;

/// <summary>
/// The edge's bounded on-disk queue (issue 3 item 3): every point is appended here before it is published and stays
/// until the collector acknowledges it (<see cref="Acknowledge"/>). Sequence numbers are assigned at append: per
/// outbox (<see cref="EdgeId"/>) monotonic, starting at 1.
/// <para>
/// Files: append-only segment files of length-prefixed, CRC-32-checked records, and <c>outbox.meta</c> with the
/// identity, the next sequence number and the acknowledged-up-to pointer.
/// </para>
/// <para>
/// Durability (docs/decisions/0005-edge-outbox.md): appends are written to the operating system at once (they survive
/// kill -9) and fsynced in a group commit at least once per <see cref="OutboxOptions.SyncInterval"/> (1 s) on a
/// <see cref="TimeProvider"/> timer, when a segment is closed, on <see cref="Sync"/> and at dispose. So at most the
/// last second of points is at risk on power loss. <see cref="Read"/> returns only fsynced points, so nothing is
/// published that a power loss could take back (which would let a sequence number be reused for another point).
/// </para>
/// <para>
/// Bound: when the segment files exceed <see cref="OutboxOptions.MaxBytes"/> (default 1 GiB) the oldest segments are
/// deleted; the dropped points are counted (<see cref="DroppedPoints"/>), logged as a warning and reported by an
/// <c>event</c> point (type <c>outbox_overflow</c>, <c>dropped</c> = N) appended to the outbox itself.
/// </para>
/// <para>Thread-safe: one lock; each call is short (one write, or one read of at most a batch).</para>
/// </summary>
public sealed partial class DiskOutbox : IMetricSink, IDisposable
{
    /// <summary>Held (exclusive lock) while the outbox is open: one process per outbox.</summary>
    public const string LockFileName = "outbox.lock";

    private readonly Lock _gate = new();
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<OutboxSegment> _segments;
    private readonly ITimer _syncTimer;
    private readonly FileStream _lockFile;
    private FileStream _writer;
    private long _nextSeq;
    private long _acked;
    private long _durableSeq;
    private long _totalBytes;
    private long _dropped;
    private bool _metaDirty;
    private bool _reportingOverflow;
    private bool _disposed;

    private DiskOutbox(OutboxOptions options, TimeProvider time, ILogger logger, string edge, List<OutboxSegment> segments, long nextSeq, long acked, FileStream lockFile)
    {
        _lockFile = lockFile;
        _options = options;
        _time = time;
        _logger = logger;
        EdgeId = edge;
        _segments = segments;
        _nextSeq = nextSeq;
        _acked = acked;
        _durableSeq = nextSeq - 1;
        _totalBytes = segments.Sum(s => s.Length);
        _writer = OpenWriter(Active);
        _syncTimer = time.CreateTimer(static state => ((DiskOutbox)state!).SyncFromTimer(), this, options.SyncInterval, options.SyncInterval);
    }

    /// <summary>Identity of this outbox: random, made once when the outbox is created, carried as <c>edge</c> in every batch.</summary>
    public string EdgeId { get; }

    public string Directory => _options.Directory;

    /// <summary>Sequence number the next appended point gets.</summary>
    public long NextSeq
    {
        get { lock (_gate) { return _nextSeq; } }
    }

    /// <summary>Everything up to here is acknowledged by the collector.</summary>
    public long Acked
    {
        get { lock (_gate) { return _acked; } }
    }

    /// <summary>Lowest sequence number still held and unacknowledged (<see cref="NextSeq"/> when there is none).</summary>
    public long Floor
    {
        get { lock (_gate) { return FloorCore(); } }
    }

    /// <summary>Highest sequence number fsynced (and so readable).</summary>
    public long DurableSeq
    {
        get { lock (_gate) { return _durableSeq; } }
    }

    /// <summary>Points dropped by overflow since this instance was opened.</summary>
    public long DroppedPoints
    {
        get { lock (_gate) { return _dropped; } }
    }

    /// <summary>Bytes in segment files.</summary>
    public long SizeBytes
    {
        get { lock (_gate) { return _totalBytes; } }
    }

    internal int SegmentCount
    {
        get { lock (_gate) { return _segments.Count; } }
    }

    private OutboxSegment Active => _segments[^1];

    /// <summary>Group commit now: fsync the active segment and persist the meta file if it changed.</summary>
    public void Sync()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            SyncCore();
        }
    }

    public void Dispose()
    {
        _syncTimer.Dispose();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                SyncCore();
                _metaDirty = true;
                SaveMetaCore();
            }
            finally
            {
                _disposed = true;
                _writer.Dispose();
                CloseReader();
                _lockFile.Dispose();
            }
        }
    }

    /// <summary>
    /// What a crash does, for tests: drops the files' handles and the lock without a group commit or a meta update
    /// (the data already written stays in the kernel's cache, as after kill -9).
    /// </summary>
    internal void SimulateCrash()
    {
        _syncTimer.Dispose();
        lock (_gate)
        {
            _disposed = true;
            _writer.Dispose();
            CloseReader();
            _lockFile.Dispose();
        }
    }

    private long FloorCore()
    {
        var held = _segments[0].FirstSeq;
        return Math.Min(_nextSeq, Math.Max(_acked + 1, held));
    }

    private void SyncCore()
    {
        if (_durableSeq < _nextSeq - 1)
        {
            _writer.Flush(flushToDisk: true);
            _durableSeq = _nextSeq - 1;
        }

        SaveMetaCore();
    }

    private void SaveMetaCore()
    {
        if (_metaDirty)
        {
            // Only fsynced numbers: a crash may lose unsynced records, and their numbers must then be reused, not
            // skipped, or the collector's contiguous acknowledgement would wait for them for ever.
            new OutboxMeta { Edge = EdgeId, NextSeq = _durableSeq + 1, Acked = Math.Min(_acked, _durableSeq) }.Save(_options.Directory);
            _metaDirty = false;
        }
    }

    private void SyncFromTimer()
    {
        try
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    SyncCore();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            OutboxLog.SyncFailed(_logger, ex, _options.Directory);
        }
    }

    private static FileStream OpenWriter(OutboxSegment segment)
    {
        // bufferSize 0: every record goes to the kernel in one write, so it survives kill -9 and the reader sees it.
        var stream = new FileStream(segment.Path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        stream.Seek(segment.Length, SeekOrigin.Begin);
        return stream;
    }

    private static SafeFileHandle OpenRead(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
}
