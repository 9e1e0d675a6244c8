namespace LiveRoom.Probe.Detection;

/// <summary>When a measurement becomes an event (configuration <c>Probe:Thresholds</c>; defaults in <see cref="ProbeDefaults"/>).</summary>
public sealed class ProbeThresholds
{
    /// <summary>Frames per second the measured rate may fall below the profile's; default 0.5 (29.97 passes 30).</summary>
    public double FpsTolerance { get; set; } = ProbeDefaults.FpsTolerance;

    /// <summary>Momentary loudness below this is silence, LUFS; default -60.</summary>
    public double SilenceFloorLufs { get; set; } = ProbeDefaults.SilenceFloorLufs;

    /// <summary>Silence for this long raises <c>silence</c>; default 10 s.</summary>
    public TimeSpan SilenceAfter { get; set; } = ProbeDefaults.SilenceAfter;

    /// <summary>A sample peak at or above this is clipping, dBFS; default -0.1.</summary>
    public double ClipLevelDbfs { get; set; } = ProbeDefaults.ClipLevelDbfs;

    /// <summary>A frame whose 98th luma percentile is at or below this is black; default 32 (video-range black is 16).</summary>
    public int BlackLumaP98 { get; set; } = ProbeDefaults.BlackLumaP98;

    /// <summary>Black for this long raises <c>black</c>; default 2 s.</summary>
    public TimeSpan BlackAfter { get; set; } = ProbeDefaults.BlackAfter;

    /// <summary>Unchanged (and lifeless, see the freeze rule) for this long raises <c>frozen</c>; default 6 s.</summary>
    public TimeSpan FreezeAfter { get; set; } = ProbeDefaults.FreezeAfter;

    /// <summary>
    /// Mean non-key video packet size over the last keyframe's size below which the encoder sees no motion; default
    /// 0.02. A frozen picture codes as near-empty P-frames; a talking host does not.
    /// </summary>
    public double StaticPacketRatio { get; set; } = ProbeDefaults.StaticPacketRatio;
}
