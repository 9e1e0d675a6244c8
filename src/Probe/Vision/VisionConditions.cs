using System.Globalization;
using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Vision;

/// <summary>Turns one <see cref="VisionResult"/> into the checked conditions (issue 5 items 3 and 4).</summary>
internal static class VisionConditions
{
    public static bool IsBlocked(in LumaStats overall, VisionOptions o) =>
        overall.StdDev < o.BlockedMaxStdDev || (overall.Mean < o.BlockedDarkMean && overall.StdDev < 2 * o.BlockedMaxStdDev);

    /// <summary>The conditions that can be judged for this result; the others keep their state.</summary>
    public static void Evaluate(in VisionResult r, VisionOptions o, List<Condition> into)
    {
        var overall = r.Lighting.Overall;
        var blocked = IsBlocked(overall, o);
        into.Add(new Condition(VisionFields.CameraBlocked, blocked, overall.StdDev, o.BlockedMaxStdDev, F($"picture uniform (luma sd {overall.StdDev:0.#}, mean {overall.Mean:0})")));
        if (blocked)
        {
            // Nothing else is measurable through a covered lens.
            return;
        }

        into.Add(new Condition(VisionFields.TooDark, overall.Mean < o.TooDarkMeanLuma, overall.Mean, o.TooDarkMeanLuma, F($"mean luma {overall.Mean:0} below {o.TooDarkMeanLuma:0}")));
        into.Add(new Condition(VisionFields.Overexposed, overall.ClippedPercent > o.OverexposedClippedPercent, overall.ClippedPercent, o.OverexposedClippedPercent, F($"{overall.ClippedPercent:0.#}% of pixels clipped white")));
        if (!r.Commissioned || r.Framing is not { } f)
        {
            return;
        }

        var cast = r.Lighting.Cast;
        into.Add(new Condition(VisionFields.ColourCast, cast.Magnitude > o.MaxCastMagnitude, cast.Magnitude, o.MaxCastMagnitude, "background " + cast.Describe()));
        var ratio = r.Lighting.SeatToBackgroundRatio;
        into.Add(new Condition(VisionFields.SeatNotLit, ratio < o.MinSeatRatio, ratio, o.MinSeatRatio, F($"host seat {ratio:0.00}x the background brightness")));
        into.Add(new Condition(VisionFields.LightChanged, Math.Abs(r.LightChangeStops) > o.LightChangedStops, r.LightChangeStops, o.LightChangedStops, F($"{r.LightChangeStops:+0.0;-0.0} stops against the reference")));

        var recognised = f.Matched && f.Similarity >= o.MinSimilarity;
        var drift = !recognised || f.CoveragePercent < o.MinCoveragePercent
            || Math.Abs(f.ShiftXPercent) > o.MaxShiftPercent || Math.Abs(f.ShiftYPercent) > o.MaxShiftPercent;
        var message = recognised
            ? F($"shift {f.ShiftXPercent:0.0}%,{f.ShiftYPercent:0.0}%, scale {f.Scale:0.000}, coverage backdrop {f.BackdropCoveragePercent:0}% desk {f.DeskCoveragePercent:0}%")
            : F($"scene does not match the reference (similarity {f.Similarity:0.00}): camera moved far, swapped or obstructed");
        into.Add(new Condition(VisionFields.FramingDrift, drift, recognised ? f.CoveragePercent : 0, o.MinCoveragePercent, message));
        if (recognised)
        {
            into.Add(new Condition(VisionFields.OutOfFocus, f.SharpnessRatio < o.MinSharpnessRatio, f.SharpnessRatio, o.MinSharpnessRatio, F($"sharpness {f.SharpnessRatio:0.00}x the reference")));
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
