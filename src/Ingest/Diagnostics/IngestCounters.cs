using System.Collections.Concurrent;

namespace LiveRoom.Ingest.Diagnostics;

/// <summary>The collector's live counters (thread-safe); <see cref="Snapshot"/> gives an <see cref="IngestStats"/>.</summary>
public sealed class IngestCounters
{
    private readonly ConcurrentDictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private long _messagesReceived;
    private long _messagesIgnored;
    private long _pointsReceived;
    private long _pointsStored;
    private long _linesDeadLettered;
    private long _partialWrites;
    private long _pointsSpilled;
    private long _pointsDrained;
    private long _retries;
    private long _writes;
    private long _acksPublished;
    private long _failures;

    /// <summary>Reads the number of pending spill records when a snapshot is taken.</summary>
    public Func<long>? SpillPending { get; set; }

    public void MessageReceived() => Interlocked.Increment(ref _messagesReceived);

    /// <summary>Messages the broker delivered so far (what <see cref="Snapshot"/> reports, without taking one).</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    public void MessageIgnored() => Interlocked.Increment(ref _messagesIgnored);

    public void PointsReceived(int count) => Interlocked.Add(ref _pointsReceived, count);

    public void PointsStored(int count) => Interlocked.Add(ref _pointsStored, count);

    /// <summary>Counts one rejected message; returns the new count for its reason.</summary>
    public long Rejected(string reasonCode) => _rejected.AddOrUpdate(reasonCode, 1, static (_, n) => n + 1);

    public void LineDeadLettered() => Interlocked.Increment(ref _linesDeadLettered);

    public void PartialWrite() => Interlocked.Increment(ref _partialWrites);

    public void PointsSpilled(int count) => Interlocked.Add(ref _pointsSpilled, count);

    public void PointsDrained(int count) => Interlocked.Add(ref _pointsDrained, count);

    public void Retry() => Interlocked.Increment(ref _retries);

    public void Write() => Interlocked.Increment(ref _writes);

    public void AckPublished() => Interlocked.Increment(ref _acksPublished);

    public void Failure() => Interlocked.Increment(ref _failures);

    public IngestStats Snapshot() => new()
    {
        MessagesReceived = Interlocked.Read(ref _messagesReceived),
        MessagesIgnored = Interlocked.Read(ref _messagesIgnored),
        PointsReceived = Interlocked.Read(ref _pointsReceived),
        PointsStored = Interlocked.Read(ref _pointsStored),
        Rejected = new Dictionary<string, long>(_rejected, StringComparer.Ordinal),
        LinesDeadLettered = Interlocked.Read(ref _linesDeadLettered),
        PartialWrites = Interlocked.Read(ref _partialWrites),
        PointsSpilled = Interlocked.Read(ref _pointsSpilled),
        PointsDrained = Interlocked.Read(ref _pointsDrained),
        SpillPending = SpillPending?.Invoke() ?? 0,
        Retries = Interlocked.Read(ref _retries),
        Writes = Interlocked.Read(ref _writes),
        AcksPublished = Interlocked.Read(ref _acksPublished),
        Failures = Interlocked.Read(ref _failures),
    };
}
