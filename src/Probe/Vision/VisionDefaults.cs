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

    /// <summary>Evidence thumbnails: one every 5 minutes (issue 5 item 5), and one on each vision/picture event start.</summary>
    public static readonly TimeSpan ThumbnailInterval = TimeSpan.FromMinutes(5);

    /// <summary>ffmpeg's <c>-q:v</c> for the JPEG (2 best … 31 worst); 7 is about "quality 70": 10–25 KiB at 640x360.</summary>
    public const int ThumbnailQuality = 7;

    /// <summary>Thumbnails wider than this are scaled down (the sampled frames are 640x360 by default).</summary>
    public const int ThumbnailMaxWidth = 640;

    /// <summary>The edge keeps at most this many MiB of thumbnails (oldest removed first): about a month at 5 min.</summary>
    public const int EvidenceMaxMegabytes = 256;

    /// <summary>
    /// How long a thumbnail waits for the broker's PUBACK before it is left for the replay: long enough for a slow uplink
    /// to carry a 60 KiB message, short enough that the recorder's queue of 4 does not overflow during an outage.
    /// </summary>
    public static readonly TimeSpan ThumbnailPublishTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive samples the flicker (slow luma oscillation) estimate looks at.</summary>
    public const int FlickerWindow = 16;
}
