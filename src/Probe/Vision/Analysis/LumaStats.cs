namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>Luma statistics of one region in 8-bit video range (16 black, 235 white). All values finite; an empty region reads 0.</summary>
public readonly record struct LumaStats(
    double Mean,
    double P2,
    double P50,
    double P98,
    double ClippedPercent,
    double CrushedPercent,
    double StdDev,
    long Pixels)
{
    /// <summary>p98 − p2 in code values.</summary>
    public double Contrast => P98 - P2;

    /// <summary>Statistics from a 256-bin histogram (no allocation).</summary>
    public static LumaStats FromHistogram(ReadOnlySpan<int> histogram)
    {
        long n = 0;
        long sum = 0;
        double sumSq = 0;
        for (var i = 0; i < 256; i++)
        {
            n += histogram[i];
            sum += (long)histogram[i] * i;
            sumSq += (double)histogram[i] * i * i;
        }

        if (n == 0)
        {
            return default;
        }

        long clipped = 0;
        for (var i = VisionLevels.White; i < 256; i++)
        {
            clipped += histogram[i];
        }

        long crushed = 0;
        for (var i = 0; i <= VisionLevels.Black; i++)
        {
            crushed += histogram[i];
        }

        var mean = (double)sum / n;
        return new LumaStats(
            mean,
            Percentile(histogram, n, 0.02),
            Percentile(histogram, n, 0.50),
            Percentile(histogram, n, 0.98),
            100.0 * clipped / n,
            100.0 * crushed / n,
            Math.Sqrt(Math.Max(0, (sumSq / n) - (mean * mean))),
            n);
    }

    private static double Percentile(ReadOnlySpan<int> histogram, long n, double q)
    {
        var target = Math.Max(1, (long)Math.Ceiling(q * n));
        long seen = 0;
        for (var i = 0; i < 256; i++)
        {
            seen += histogram[i];
            if (seen >= target)
            {
                return i;
            }
        }

        return 255;
    }
}
