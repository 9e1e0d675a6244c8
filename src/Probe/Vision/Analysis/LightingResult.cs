namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>Lighting of one frame (issue 5 item 4). Every number is finite.</summary>
public readonly record struct LightingResult(
    LumaStats Overall,
    LumaStats Backdrop,
    LumaStats Desk,
    LumaStats Seat,
    LumaStats Background,
    ColourCast Cast)
{
    /// <summary>
    /// Host-seat over background brightness, on luma above black ((Y − 16 + 1) ratios, so a black background cannot
    /// divide by zero): above 1 the seat is lit above the rest of the space (seed clause 6.1.5).
    /// </summary>
    public double SeatToBackgroundRatio =>
        (Math.Max(0, Seat.Mean - VisionLevels.Black) + 1) / (Math.Max(0, Background.Mean - VisionLevels.Black) + 1);
}
