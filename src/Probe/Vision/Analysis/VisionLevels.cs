namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>8-bit video-range levels (BT.601/709): what counts as clipped and crushed.</summary>
public static class VisionLevels
{
    /// <summary>Luma at or below this is crushed black.</summary>
    public const int Black = 16;

    /// <summary>Luma at or above this is clipped white.</summary>
    public const int White = 235;

    /// <summary>Neutral chroma.</summary>
    public const int NeutralChroma = 128;
}
