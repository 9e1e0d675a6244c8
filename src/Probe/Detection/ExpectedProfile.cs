namespace LiveRoom.Probe.Detection;

/// <summary>What the room's encoder should send (configuration <c>Probe:Profile</c>; seed clauses 6.2.2.1 and 6.2.1.1).</summary>
public sealed class ExpectedProfile
{
    /// <summary>Width in pixels; default 1920.</summary>
    public int Width { get; set; } = ProbeDefaults.ProfileWidth;

    /// <summary>Height in pixels (a coded 1088 counts as 1080); default 1080.</summary>
    public int Height { get; set; } = ProbeDefaults.ProfileHeight;

    /// <summary>Frames per second; default 30 (29.97 passes: see <see cref="ProbeThresholds.FpsTolerance"/>).</summary>
    public double Fps { get; set; } = ProbeDefaults.ProfileFps;

    /// <summary>Lowest total bitrate, bits per second; default 4 000 000.</summary>
    public double MinBitrate { get; set; } = ProbeDefaults.ProfileMinBitrate;

    /// <summary>Highest total bitrate, bits per second; default 20 000 000.</summary>
    public double MaxBitrate { get; set; } = ProbeDefaults.ProfileMaxBitrate;
}
