namespace LiveRoom.Probe.Network;

/// <summary>One RTT probe: TCP connect times to the ingest host. <see cref="RttMs"/> is the median of the successful connects.</summary>
public sealed record RttSample(int Attempts, int Failures, double? RttMs, double? MinRttMs, string? Error)
{
    /// <summary>Failed attempts, percent.</summary>
    public double LossPercent => Attempts == 0 ? 100 : 100.0 * Failures / Attempts;
}
