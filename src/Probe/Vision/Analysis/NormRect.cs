namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>A rectangle in normalized frame coordinates (0..1 from the top-left corner), resolution-independent.</summary>
public readonly record struct NormRect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    /// <summary>Whether the rectangle is non-empty and lies within the frame.</summary>
    public bool IsValid =>
        double.IsFinite(X) && double.IsFinite(Y) && double.IsFinite(Width) && double.IsFinite(Height)
        && Width > 0 && Height > 0 && X >= 0 && Y >= 0 && Right <= 1.0000001 && Bottom <= 1.0000001;

    public bool Contains(double x, double y) => x >= X && x < Right && y >= Y && y < Bottom;

    /// <summary>Pixel bounds [x0, x1) x [y0, y1) on a plane of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public (int X0, int Y0, int X1, int Y1) ToPixels(int width, int height)
    {
        var x0 = Math.Clamp((int)Math.Round(X * width), 0, width);
        var y0 = Math.Clamp((int)Math.Round(Y * height), 0, height);
        var x1 = Math.Clamp((int)Math.Round(Right * width), x0, width);
        var y1 = Math.Clamp((int)Math.Round(Bottom * height), y0, height);
        return (x0, y0, x1, y1);
    }
}
