namespace LiveRoom.Probe.Vision;

/// <summary>Defaults of <see cref="VisionOptions"/>, chosen for a lit studio (video-range 8-bit luma, 16 black, 235 white).</summary>
public static class VisionDefaults
{
    public const int SampleEvery = 1;
    public const int PersistSamples = 3;
    public const double MaxShiftPercent = 2.0;
    public const double MinCoveragePercent = 98.0;
    public const double MinSimilarity = 0.5;
    public const double BlockedMaxStdDev = 5.0;
    public const double BlockedDarkMean = 24.0;
    public const double MinSharpnessRatio = 0.6;
    public const double TooDarkMeanLuma = 50.0;
    public const double OverexposedClippedPercent = 5.0;
    public const double MaxCastMagnitude = 6.0;
    public const double MinSeatRatio = 1.0;
    public const double LightChangedStops = 0.75;
}
