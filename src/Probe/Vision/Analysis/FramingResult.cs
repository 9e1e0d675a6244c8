namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>Framing of one frame against the reference (issue 5 item 3). Every number is finite.</summary>
/// <param name="Matched">Enough textured static blocks were found and agree on one camera motion; when false the shift, scale and coverage are not measured (scene changed, lens covered) and read 0.</param>
/// <param name="Blocks">Textured static blocks of the reference that were searched.</param>
/// <param name="InlierPercent">Share of those blocks whose displacement fits the estimated shift and scale.</param>
/// <param name="ShiftXPercent">Picture content moved right by this share of the frame width (camera panned left).</param>
/// <param name="ShiftYPercent">Picture content moved down by this share of the frame height.</param>
/// <param name="Scale">Content magnification (1.1 = zoomed in 10 %).</param>
/// <param name="Similarity">Normalized cross-correlation (−1..1) of the static regions with the reference after alignment.</param>
/// <param name="BackdropCoveragePercent">Share of the backdrop region still inside the frame.</param>
/// <param name="DeskCoveragePercent">Share of the desk region still inside the frame.</param>
/// <param name="Sharpness">Contrast-normalized mean absolute Laplacian of the static regions.</param>
/// <param name="SharpnessRatio">Sharpness over the reference's (1 = as sharp; 0.5 = half the fine detail).</param>
public readonly record struct FramingResult(
    bool Matched,
    int Blocks,
    double InlierPercent,
    double ShiftXPercent,
    double ShiftYPercent,
    double Scale,
    double Similarity,
    double BackdropCoveragePercent,
    double DeskCoveragePercent,
    double Sharpness,
    double SharpnessRatio)
{
    /// <summary>The lower of the backdrop and desk coverage (seed clause 6.1.2 wants both whole).</summary>
    public double CoveragePercent => Math.Min(BackdropCoveragePercent, DeskCoveragePercent);

    /// <summary>Share of a region (reference coordinates) inside the frame after content moves by the shift and scales about the centre.</summary>
    public static double Coverage(NormRect region, double scale, double shiftXPercent, double shiftYPercent)
    {
        if (region.Area <= 0 || !double.IsFinite(scale) || scale <= 0)
        {
            return 0;
        }

        var x0 = 0.5 + (scale * (region.X - 0.5)) + (shiftXPercent / 100);
        var x1 = 0.5 + (scale * (region.Right - 0.5)) + (shiftXPercent / 100);
        var y0 = 0.5 + (scale * (region.Y - 0.5)) + (shiftYPercent / 100);
        var y1 = 0.5 + (scale * (region.Bottom - 0.5)) + (shiftYPercent / 100);
        var inside = Math.Max(0, Math.Min(x1, 1) - Math.Max(x0, 0)) * Math.Max(0, Math.Min(y1, 1) - Math.Max(y0, 0));
        var r = 100 * inside / ((x1 - x0) * (y1 - y0));
        return double.IsFinite(r) ? Math.Clamp(r, 0, 100) : 0;
    }
}
