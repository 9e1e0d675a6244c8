namespace LiveRoom.Probe.Outbox;

/// <summary>Settings of the edge outbox (<c>Probe:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>Directory holding the segment files and <c>outbox.meta</c>; default <c>outbox</c> (relative to the working directory).</summary>
    public string Directory { get; set; } = ProbeDefaults.OutboxDirectory;

    /// <summary>Bound on the segment files, bytes; default 1 GiB, at least 1 MiB. When full, the oldest segments are dropped and the loss reported.</summary>
    public long MaxBytes { get; set; } = ProbeDefaults.OutboxMaxBytes;

    /// <summary>A published point unacknowledged for this long is sent again; default 30 s.</summary>
    public TimeSpan ResendAfter { get; set; } = ProbeDefaults.ResendAfter;

    /// <summary>Segment file size; default 16 MiB, capped at a quarter of <see cref="MaxBytes"/> so overflow drops a small part.</summary>
    public long SegmentBytes { get; set; } = ProbeDefaults.OutboxSegmentBytes;

    /// <summary>Group commit (fsync) period; default 1 s.</summary>
    public TimeSpan SyncInterval { get; set; } = ProbeDefaults.OutboxSyncInterval;

    internal long EffectiveSegmentBytes => Math.Max(4096, Math.Min(SegmentBytes, MaxBytes / 4));
}
