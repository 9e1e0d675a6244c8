using System.Globalization;
using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Check;

/// <summary>
/// Grades the vision results of a check run: a condition counts when it held in at least half of the analysed samples
/// (the worker's events need <see cref="VisionOptions.PersistSamples"/> in a row; a short check has few samples).
/// Camera blocked, too dark, overexposed and framing drift fail (seed clauses 6.1.2, 6.1.5); focus, colour cast, seat
/// lighting and a light change since the reference warn.
/// </summary>
internal static class VisionCheckEvaluator
{
    public static List<CheckItem> Evaluate(IReadOnlyList<VisionResult> results, Reference? reference, string? referenceProblem, VisionOptions o)
    {
        var items = new List<CheckItem>
        {
            reference is null
                ? new CheckItem("vision_reference", CheckStatus.Warn, VisionFields.NotCommissioned(referenceProblem), "an approved reference frame")
                : new CheckItem("vision_reference", CheckStatus.Pass, F($"version {reference.Version} by {reference.CapturedBy} at {reference.CapturedAt:yyyy-MM-dd HH:mm} UTC"), "an approved reference frame"),
        };
        if (results.Count == 0)
        {
            items.Add(new CheckItem("vision", CheckStatus.Warn, "no picture was sampled", "pictures to analyse"));
            return items;
        }

        var conditions = results.Select(r =>
        {
            var list = new List<Condition>();
            VisionConditions.Evaluate(r, o, list);
            return list;
        }).ToList();
        var overall = results.Select(r => r.Lighting.Overall).ToList();
        var mean = Median(overall.Select(s => s.Mean));
        items.Add(Grade("camera", conditions, [VisionFields.CameraBlocked], CheckStatus.Fail, "picture not uniform", "lens clear"));
        items.Add(Grade(
            "exposure",
            conditions,
            [VisionFields.TooDark, VisionFields.Overexposed],
            CheckStatus.Fail,
            F($"mean luma {mean:0}, p2–p98 {Median(overall.Select(s => s.P2)):0}–{Median(overall.Select(s => s.P98)):0}, clipped {Median(overall.Select(s => s.ClippedPercent)):0.#}%, crushed {Median(overall.Select(s => s.CrushedPercent)):0.#}%"),
            F($"mean luma at least {o.TooDarkMeanLuma:0}, at most {o.OverexposedClippedPercent:0.#}% clipped")));
        var oscillation = new LumaOscillation(Math.Max(3, results.Count));
        foreach (var s in overall)
        {
            oscillation.Add(s.Mean);
        }

        items.Add(new CheckItem(
            "flicker",
            CheckStatus.Pass,
            oscillation.SwingPercent is { } swing ? F($"slow luma swing {swing:0.#}% between samples (alternation {oscillation.Alternation:0.00})") : "too few samples",
            "informational: keyframe samples (≤ 2/s) cannot show 100/120 Hz mains flicker, only slow pumping or a beat"));
        if (reference is null || results[^1].Framing is null)
        {
            items.Add(new CheckItem("framing", CheckStatus.Warn, "not checked: " + (results[^1].ReferenceProblem ?? referenceProblem ?? "not commissioned"), "backdrop and desk wholly in frame"));
            return items;
        }

        var framing = results.Where(r => r.Framing is { Matched: true }).Select(r => r.Framing!.Value).ToList();
        var framingText = framing.Count == 0
            ? "scene not recognised against the reference"
            : F($"shift {Median(framing.Select(f => f.ShiftXPercent)):0.0}%,{Median(framing.Select(f => f.ShiftYPercent)):0.0}%, scale {Median(framing.Select(f => f.Scale)):0.000}, coverage {Median(framing.Select(f => f.CoveragePercent)):0.#}%, similarity {Median(framing.Select(f => f.Similarity)):0.00}");
        items.Add(Grade("framing", conditions, [VisionFields.FramingDrift], CheckStatus.Fail, framingText, F($"coverage ≥ {o.MinCoveragePercent:0}%, shift ≤ {o.MaxShiftPercent:0.#}%")));
        items.Add(Grade("focus", conditions, [VisionFields.OutOfFocus], CheckStatus.Warn, framing.Count == 0 ? "not measured" : F($"sharpness {Median(framing.Select(f => f.SharpnessRatio)):0.00}x the reference"), F($"at least {o.MinSharpnessRatio:0.##}x")));
        items.Add(Grade("colour_cast", conditions, [VisionFields.ColourCast], CheckStatus.Warn, "background " + results[^1].Lighting.Cast.Describe(), F($"chroma deviation ≤ {o.MaxCastMagnitude:0.#}")));
        items.Add(Grade("seat_lighting", conditions, [VisionFields.SeatNotLit], CheckStatus.Warn, F($"host seat {Median(results.Select(r => r.Lighting.SeatToBackgroundRatio)):0.00}x the background"), F($"at least {o.MinSeatRatio:0.##}x")));
        items.Add(Grade("light_change", conditions, [VisionFields.LightChanged], CheckStatus.Warn, F($"{Median(results.Select(r => r.LightChangeStops)):+0.0;-0.0;0.0} stops against the reference"), F($"within ±{o.LightChangedStops:0.##} stops")));
        return items;
    }

    private static CheckItem Grade(string item, List<List<Condition>> samples, string[] types, CheckStatus bad, string measured, string expected)
    {
        foreach (var type in types)
        {
            var active = samples.Select(s => s.FirstOrDefault(c => c.Type == type)).Where(c => c is { Active: true }).ToList();
            if (active.Count * 2 >= samples.Count && active.Count > 0)
            {
                return new CheckItem(item, bad, F($"{active[^1].Message} ({active.Count} of {samples.Count} samples)"), expected);
            }
        }

        return new CheckItem(item, CheckStatus.Pass, measured, expected);
    }

    private static double Median(IEnumerable<double> values)
    {
        var list = values.Where(double.IsFinite).Order().ToList();
        return list.Count == 0 ? 0 : list[list.Count / 2];
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
