namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>
/// Mean chroma deviation from neutral in the background, split on the two axes a technician corrects (white balance:
/// blue/yellow; tint: green/magenta), in 8-bit chroma code values (≈ 0.9 % of full chroma swing each).
/// </summary>
/// <param name="Cb">Mean Cb − 128.</param>
/// <param name="Cr">Mean Cr − 128.</param>
/// <param name="Blue">Amount along blue (positive) / yellow (negative).</param>
/// <param name="Magenta">Amount along magenta (positive) / green (negative).</param>
public readonly record struct ColourCast(double Cb, double Cr, double Blue, double Magenta)
{
    /// <summary>Below this magnitude (code values) a cast is not worth naming.</summary>
    public const double Noticeable = 3;

    /// <summary>Length of the (Cb, Cr) deviation, code values.</summary>
    public double Magnitude => Math.Sqrt((Cb * Cb) + (Cr * Cr));

    /// <summary>"too blue", "too yellow" or null.</summary>
    public string? BlueYellowWord => Math.Abs(Blue) < Noticeable ? null : Blue > 0 ? "too blue" : "too yellow";

    /// <summary>"too magenta", "too green" or null.</summary>
    public string? GreenMagentaWord => Math.Abs(Magenta) < Noticeable ? null : Magenta > 0 ? "too magenta" : "too green";

    /// <summary>"none", "slight" (&lt; 8), "moderate" (&lt; 16) or "strong".</summary>
    public string Strength => Magnitude < Noticeable ? "none" : Magnitude < 8 ? "slight" : Magnitude < 16 ? "moderate" : "strong";

    /// <summary>The technician's words, e.g. "strong: too blue, too green"; "neutral" when there is nothing to name.</summary>
    public string Describe()
    {
        var a = BlueYellowWord;
        var b = GreenMagentaWord;
        if (a is null && b is null)
        {
            return "neutral";
        }

        return Strength + ": " + (a is not null && b is not null ? a + ", " + b : a ?? b);
    }

    /// <summary>
    /// Decomposes a chroma deviation on the BT.601 directions of pure blue (Cb 112, Cr −18) and pure magenta
    /// (Cb 84, Cr 107), normalized, so a blue gel reads as blue only and a green spill as green only.
    /// </summary>
    public static ColourCast From(double cb, double cr)
    {
        if (!double.IsFinite(cb) || !double.IsFinite(cr))
        {
            return default;
        }

        const double bx = 0.987, by = -0.159, mx = 0.617, my = 0.787;
        const double det = (bx * my) - (by * mx);
        var blue = ((cb * my) - (cr * mx)) / det;
        var magenta = ((bx * cr) - (by * cb)) / det;
        return new ColourCast(cb, cr, blue, magenta);
    }
}
