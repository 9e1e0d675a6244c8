namespace LiveRoom.Dashboard.Evidence;

/// <summary>What the evidence session received, stored and refused since start.</summary>
internal sealed class EvidenceCounters
{
    private long _stored;
    private long _rejected;

    public long Stored => Interlocked.Read(ref _stored);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Why the last refused message was refused.</summary>
    public string? LastRejection { get; private set; }

    public void Store() => Interlocked.Increment(ref _stored);

    public void Reject(string reason)
    {
        LastRejection = reason;
        Interlocked.Increment(ref _rejected);
    }
}
