namespace LiveRoom.Probe.Publishing;

/// <summary>How the outbox is published (derived from <c>Probe</c> and <c>Probe:Outbox</c> settings).</summary>
public sealed record PublisherOptions
{
    public required string Site { get; init; }

    public required string Room { get; init; }

    /// <summary>Live publishing period; default 1 s (one message per second with that second's points).</summary>
    public TimeSpan Interval { get; init; } = ProbeDefaults.PublishInterval;

    /// <summary>Unacknowledged for this long: publish again from the oldest unacknowledged point; default 30 s.</summary>
    public TimeSpan ResendAfter { get; init; } = ProbeDefaults.ResendAfter;

    /// <summary>Bound on the points' JSON in one batch; default 60 KiB (64 KiB limit less a margin for the envelope).</summary>
    public int MaxBatchBytes { get; init; } = ProbeDefaults.MaxBatchBytes;

    /// <summary>Most points in one batch; default 500.</summary>
    public int MaxBatchPoints { get; init; } = ProbeDefaults.MaxBatchPoints;

    /// <summary>Publishes awaiting PUBACK at once; default 16.</summary>
    public int MaxInFlight { get; init; } = ProbeDefaults.MaxPublishesInFlight;
}
