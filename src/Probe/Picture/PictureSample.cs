namespace LiveRoom.Probe.Picture;

/// <summary>Picture-level measurement of the sampled frames (no reference needed).</summary>
public sealed record PictureSample
{
    /// <summary>Frames sampled since the reader started.</summary>
    public long Frames { get; init; }

    /// <summary>Mean luma of the latest frame (0–255).</summary>
    public double? LumaMean { get; init; }

    /// <summary>98th percentile of luma of the latest frame.</summary>
    public int? LumaP98 { get; init; }

    /// <summary>Share of 16x16 blocks that changed between the last two frames (null before two frames).</summary>
    public double? ChangedShare { get; init; }

    /// <summary>Seconds the picture has been black (0 when it is not).</summary>
    public double BlackSeconds { get; init; }

    /// <summary>Seconds the sampled picture has been unchanged (0 when it changed at the last sample).</summary>
    public double StillSeconds { get; init; }

    /// <summary>Consecutive comparisons that found the picture unchanged.</summary>
    public int StillComparisons { get; init; }
}
