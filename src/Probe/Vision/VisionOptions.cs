using LiveRoom.Probe.Sinks;

namespace LiveRoom.Probe.Vision;

/// <summary>Thresholds of the vision checks (issue 5), tunable per room; defaults in <see cref="VisionDefaults"/>.</summary>
public sealed record VisionOptions
{
    /// <summary>Analyse every Nth sampled frame; default 1 (every one).</summary>
    public int SampleEvery { get; set; } = VisionDefaults.SampleEvery;

    /// <summary>Consecutive analysed samples a condition must hold (or be gone) before its event; default 3.</summary>
    public int PersistSamples { get; set; } = VisionDefaults.PersistSamples;

    /// <summary>Framing drift when the camera shift exceeds this, % of the frame side; default 2.</summary>
    public double MaxShiftPercent { get; set; } = VisionDefaults.MaxShiftPercent;

    /// <summary>Framing drift when backdrop or desk coverage falls below this, %; default 98 (seed clause 6.1.2).</summary>
    public double MinCoveragePercent { get; set; } = VisionDefaults.MinCoveragePercent;

    /// <summary>Below this aligned similarity (NCC) the scene is not the reference's (camera swapped or moved far); default 0.5.</summary>
    public double MinSimilarity { get; set; } = VisionDefaults.MinSimilarity;

    /// <summary>Camera blocked when the luma standard deviation is below this (uniform picture); default 5 code values.</summary>
    public double BlockedMaxStdDev { get; set; } = VisionDefaults.BlockedMaxStdDev;

    /// <summary>Camera blocked also when the mean luma is below this with under twice <see cref="BlockedMaxStdDev"/> of variation; default 24.</summary>
    public double BlockedDarkMean { get; set; } = VisionDefaults.BlockedDarkMean;

    /// <summary>Out of focus when sharpness falls below this share of the reference's; default 0.6.</summary>
    public double MinSharpnessRatio { get; set; } = VisionDefaults.MinSharpnessRatio;

    /// <summary>Too dark when the mean luma is below this (video range); default 50.</summary>
    public double TooDarkMeanLuma { get; set; } = VisionDefaults.TooDarkMeanLuma;

    /// <summary>Overexposed when more than this % of pixels are at or above 235; default 5.</summary>
    public double OverexposedClippedPercent { get; set; } = VisionDefaults.OverexposedClippedPercent;

    /// <summary>Colour cast when the background's mean chroma deviation exceeds this, code values; default 6.</summary>
    public double MaxCastMagnitude { get; set; } = VisionDefaults.MaxCastMagnitude;

    /// <summary>Seat not lit when the seat/background brightness ratio is below this; default 1.0 (seed clause 6.1.5).</summary>
    public double MinSeatRatio { get; set; } = VisionDefaults.MinSeatRatio;

    /// <summary>Light changed when the overall brightness differs from the reference's by more than this many stops; default 0.75.</summary>
    public double LightChangedStops { get; set; } = VisionDefaults.LightChangedStops;

    /// <summary>How often an evidence thumbnail is taken besides the event-triggered ones; default 5 min, 30 s to 24 h.</summary>
    public TimeSpan ThumbnailInterval { get; set; } = VisionDefaults.ThumbnailInterval;

    /// <summary>JPEG quality as ffmpeg's <c>-q:v</c> (2 best, 31 smallest); default 7.</summary>
    public int ThumbnailQuality { get; set; } = VisionDefaults.ThumbnailQuality;

    /// <summary>Thumbnails kept on the edge, MiB (oldest removed first); default 256, 1 to 100000.</summary>
    public int EvidenceMaxMegabytes { get; set; } = VisionDefaults.EvidenceMaxMegabytes;

    /// <summary>
    /// How long a thumbnail's publication waits for the broker's PUBACK; one not confirmed by then stays marked unsent on
    /// the edge and is sent again when the connection comes back; default 10 s, 1 s to 5 min.
    /// </summary>
    public TimeSpan ThumbnailPublishTimeout { get; set; } = VisionDefaults.ThumbnailPublishTimeout;

    /// <summary>Where the edge keeps its thumbnails; default empty: <c>evidence</c> under the reference directory.</summary>
    public string EvidenceDirectory { get; set; } = string.Empty;

    /// <summary>Every out-of-range value as "key is X; allowed A to B, default D" (empty when valid), keys under <paramref name="section"/>.</summary>
    public List<string> Validate(string section = "Vision")
    {
        var f = new List<string>();
        OptionRules.Number(f, section + ":SampleEvery", SampleEvery, 1, 1000, VisionDefaults.SampleEvery);
        OptionRules.Number(f, section + ":PersistSamples", PersistSamples, 1, 1000, VisionDefaults.PersistSamples);
        OptionRules.Number(f, section + ":MaxShiftPercent", MaxShiftPercent, 0.1, 50, VisionDefaults.MaxShiftPercent);
        OptionRules.Number(f, section + ":MinCoveragePercent", MinCoveragePercent, 0, 100, VisionDefaults.MinCoveragePercent);
        OptionRules.Number(f, section + ":MinSimilarity", MinSimilarity, -1, 1, VisionDefaults.MinSimilarity);
        OptionRules.Number(f, section + ":BlockedMaxStdDev", BlockedMaxStdDev, 0, 64, VisionDefaults.BlockedMaxStdDev);
        OptionRules.Number(f, section + ":BlockedDarkMean", BlockedDarkMean, 0, 128, VisionDefaults.BlockedDarkMean);
        OptionRules.Number(f, section + ":MinSharpnessRatio", MinSharpnessRatio, 0, 1, VisionDefaults.MinSharpnessRatio);
        OptionRules.Number(f, section + ":TooDarkMeanLuma", TooDarkMeanLuma, 0, 235, VisionDefaults.TooDarkMeanLuma);
        OptionRules.Number(f, section + ":OverexposedClippedPercent", OverexposedClippedPercent, 0, 100, VisionDefaults.OverexposedClippedPercent);
        OptionRules.Number(f, section + ":MaxCastMagnitude", MaxCastMagnitude, 0, 128, VisionDefaults.MaxCastMagnitude);
        OptionRules.Number(f, section + ":MinSeatRatio", MinSeatRatio, 0, 10, VisionDefaults.MinSeatRatio);
        OptionRules.Number(f, section + ":LightChangedStops", LightChangedStops, 0.1, 10, VisionDefaults.LightChangedStops);
        OptionRules.Duration(f, section + ":ThumbnailInterval", ThumbnailInterval, TimeSpan.FromSeconds(30), TimeSpan.FromHours(24), VisionDefaults.ThumbnailInterval);
        OptionRules.Number(f, section + ":ThumbnailQuality", ThumbnailQuality, 2, 31, VisionDefaults.ThumbnailQuality);
        OptionRules.Number(f, section + ":EvidenceMaxMegabytes", EvidenceMaxMegabytes, 1, 100_000, VisionDefaults.EvidenceMaxMegabytes);
        OptionRules.Duration(f, section + ":ThumbnailPublishTimeout", ThumbnailPublishTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), VisionDefaults.ThumbnailPublishTimeout);
        return f;
    }

    /// <summary>The evidence directory actually used for a room whose reference lives in <paramref name="referenceDirectory"/>.</summary>
    public string ResolveEvidenceDirectory(string referenceDirectory) =>
        string.IsNullOrWhiteSpace(EvidenceDirectory) ? Path.Combine(referenceDirectory, "evidence") : EvidenceDirectory;
}
