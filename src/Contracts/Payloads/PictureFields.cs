namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// Picture-level field names of <see cref="MetricKind.Vision"/> points, measured on the sampled (keyframe, 640x360)
/// frames without a reference. Lighting and framing fields are the vision checks' own.
/// </summary>
public static class PictureFields
{
    /// <summary>Mean luma (Y, 0–255, video range 16–235) of the latest sampled frame.</summary>
    public const string LumaMean = "luma_mean";

    /// <summary>98th percentile of luma of the latest sampled frame.</summary>
    public const string LumaP98 = "luma_p98";

    /// <summary>Share (0–1) of 16x16 blocks that changed since the previous sampled frame.</summary>
    public const string ChangedBlocks = "changed_blocks";

    /// <summary>Whether the picture is black.</summary>
    public const string Black = "black";

    /// <summary>Whether the picture is frozen (unchanged, and neither audio nor the encoder's packets show life).</summary>
    public const string Frozen = "frozen";

    /// <summary>Frames sampled since the reader started.</summary>
    public const string SampledFrames = "sampled_frames";
}
