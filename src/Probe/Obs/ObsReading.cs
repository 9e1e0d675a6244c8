namespace LiveRoom.Probe.Obs;

/// <summary>
/// One poll turned into values. The three kinds of skipped frames are kept apart: <see cref="NetworkSkipped"/>
/// (GetStreamStatus: dropped because the network could not carry them), <see cref="EncoderSkipped"/> (GetStats
/// outputSkippedFrames: encoder lag) and <see cref="RenderSkipped"/> (GetStats renderSkippedFrames: rendering lag).
/// </summary>
internal sealed record ObsReading
{
    public ObsStreamStatus? Stream { get; init; }

    /// <summary>Bits per second from the change of outputBytes over the monotonic time between the two polls.</summary>
    public double? BitsPerSecond { get; init; }

    public ObsCounter? NetworkSkipped { get; init; }

    public ObsCounter? NetworkTotal { get; init; }

    public ObsStats? Stats { get; init; }

    public ObsCounter? EncoderSkipped { get; init; }

    public ObsCounter? EncoderTotal { get; init; }

    public ObsCounter? RenderSkipped { get; init; }

    public ObsCounter? RenderTotal { get; init; }

    public ObsVideoSettings? Video { get; init; }

    /// <summary>
    /// Percent of this interval's frames dropped by the network, as OBS's own statistics window computes it
    /// (dropped ÷ total frames of the output); null without a delta or without frames.
    /// </summary>
    public double? NetworkDroppedPercent =>
        NetworkSkipped?.Delta is { } s && NetworkTotal?.Delta is { } t && t > 0 ? 100.0 * s / t : null;
}
