using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.Vision;

/// <summary>Field names of the <c>vision</c> points written by <see cref="VisionMonitor"/> and its event types (issue 5).</summary>
public static class VisionFields
{
    /// <summary>Whether a reference exists and fits the frames; when false only the overall lighting fields are present.</summary>
    public const string Commissioned = "commissioned";

    /// <summary>Why the room is not commissioned (no reference, refused reference).</summary>
    public const string ReferenceProblem = "reference_problem";

    /// <summary>
    /// What a technician reads for a room without a usable reference: "not commissioned", with the reason once (the
    /// <see cref="ReferenceProblem"/> text usually starts with those words already).
    /// </summary>
    public static string NotCommissioned(string? problem) =>
        string.IsNullOrEmpty(problem) ? "not commissioned"
        : problem.StartsWith("not commissioned", StringComparison.Ordinal) ? problem
        : "not commissioned: " + problem;

    public const string ReferenceVersion = "reference_version";
    public const string LumaMean = "luma_mean";
    public const string LumaP2 = "luma_p2";
    public const string LumaP50 = "luma_p50";
    public const string LumaP98 = "luma_p98";
    public const string LumaStdDev = "luma_stddev";
    public const string ClippedPercent = "clipped_pct";
    public const string CrushedPercent = "crushed_pct";
    public const string Contrast = "contrast";
    public const string BackdropLumaMean = "backdrop_luma_mean";
    public const string DeskLumaMean = "desk_luma_mean";
    public const string SeatLumaMean = "seat_luma_mean";
    public const string SeatLumaP50 = "seat_luma_p50";
    public const string BackgroundLumaMean = "background_luma_mean";
    public const string SeatRatio = "seat_background_ratio";

    /// <summary>Overall brightness against the reference's, in stops (log2 of luma above black); negative = darker.</summary>
    public const string LightChangeStops = "light_change_stops";

    public const string CastBlue = "cast_blue";
    public const string CastMagenta = "cast_magenta";
    public const string CastMagnitude = "cast_magnitude";
    public const string CastText = "cast_text";
    public const string Blocked = "blocked";
    public const string FramingMatched = "framing_matched";
    public const string ShiftX = "shift_x_pct";
    public const string ShiftY = "shift_y_pct";
    public const string Scale = "scale";
    public const string Similarity = "similarity";
    public const string BackdropCoverage = "backdrop_coverage_pct";
    public const string DeskCoverage = "desk_coverage_pct";
    public const string Sharpness = "sharpness";
    public const string SharpnessRatio = "sharpness_ratio";

    /// <summary>Slow luma oscillation across consecutive samples, % (see <see cref="LumaOscillation"/>: not mains flicker).</summary>
    public const string FlickerSwing = "flicker_swing_pct";

    /// <summary>Share of consecutive luma steps that reverse direction, 0..1 (see <see cref="LumaOscillation"/>).</summary>
    public const string FlickerAlternation = "flicker_alternation";

    public const string FramingDrift = VisionEventTypes.FramingDrift;
    public const string CameraBlocked = VisionEventTypes.CameraBlocked;
    public const string OutOfFocus = VisionEventTypes.OutOfFocus;
    public const string TooDark = VisionEventTypes.TooDark;
    public const string Overexposed = VisionEventTypes.Overexposed;
    public const string ColourCast = VisionEventTypes.ColourCast;
    public const string SeatNotLit = VisionEventTypes.SeatNotLit;
    public const string LightChanged = VisionEventTypes.LightChanged;
}
