namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>
/// Luma histograms overall and per region, and the background's mean chroma. Holds its histograms, so one instance
/// analyses frames one at a time without allocating.
/// </summary>
public sealed class LightingAnalyzer
{
    private readonly int[] _histograms = new int[PlaneMath.HistogramsLength];

    /// <summary>Analyses one 4:2:0 frame of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public LightingResult Analyze(ReadOnlySpan<byte> y, ReadOnlySpan<byte> u, ReadOnlySpan<byte> v, int width, int height, RoomLayout layout)
    {
        var overall = Stats(y, width, height, new NormRect(0, 0, 1, 1));
        var backdrop = Stats(y, width, height, layout.Backdrop);
        var desk = Stats(y, width, height, layout.Desk);
        var seat = Stats(y, width, height, layout.Seat);
        var background = Stats(y, width, height, layout.Background);

        var (x0, y0, x1, y1) = layout.Background.ToPixels(width / 2, height / 2);
        long cb = 0, cr = 0, n = 0;
        for (var row = y0; row < y1; row++)
        {
            var start = (row * (width / 2)) + x0;
            cb += PlaneMath.Sum(u.Slice(start, x1 - x0));
            cr += PlaneMath.Sum(v.Slice(start, x1 - x0));
            n += x1 - x0;
        }

        var cast = n == 0 ? default : ColourCast.From(((double)cb / n) - VisionLevels.NeutralChroma, ((double)cr / n) - VisionLevels.NeutralChroma);
        return new LightingResult(overall, backdrop, desk, seat, background, cast);
    }

    private LumaStats Stats(ReadOnlySpan<byte> y, int width, int height, NormRect region)
    {
        var h = _histograms.AsSpan();
        h.Clear();
        var (x0, y0, x1, y1) = region.ToPixels(width, height);
        for (var row = y0; row < y1; row++)
        {
            PlaneMath.CountInto(y.Slice((row * width) + x0, x1 - x0), h);
        }

        return LumaStats.FromHistogram(PlaneMath.MergeHistograms(h));
    }
}
