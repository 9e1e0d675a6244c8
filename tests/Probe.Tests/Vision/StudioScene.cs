using LiveRoom.Probe.Frames;
using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Tests.Vision;

/// <summary>
/// A synthetic studio drawn by the test code, 640x360 yuv420p: textured backdrop wall, desk band, floor (background), a
/// lit host seat with a "host" blob. Variants are rendered by resampling the scene through a camera shift/zoom and a
/// brightness gain, so what the analysis sees is what a moved camera or a dimmed light would give.
/// </summary>
internal sealed record StudioScene
{
    public const int Width = 640;
    public const int Height = 360;

    public static readonly RoomLayout Layout = new()
    {
        Backdrop = new NormRect(0, 0, 1, 0.6),
        Desk = new NormRect(0, 0.6, 1, 0.2),
        Seat = new NormRect(0.35, 0.1, 0.3, 0.5),
        Background = new NormRect(0, 0.8, 1, 0.2),
    };

    /// <summary>Content moves right by this share of the width (camera panned left).</summary>
    public double ShiftX { get; init; }

    public double ShiftY { get; init; }

    /// <summary>Content magnification about the centre.</summary>
    public double Zoom { get; init; } = 1;

    /// <summary>Multiplies luma above black (0.25 = two stops down).</summary>
    public double Gain { get; init; } = 1;

    /// <summary>Multiplies luma above black inside the seat (the key light).</summary>
    public double SeatLight { get; init; } = 1.6;

    /// <summary>Horizontal centre of the host blob (scene coordinates).</summary>
    public double HostX { get; init; } = 0.5;

    public double TintCb { get; init; }

    public double TintCr { get; init; }

    /// <summary>Passes of a 3x3 box blur over the luma (a lens out of focus).</summary>
    public int Blur { get; init; }

    /// <summary>Texture seed: another seed is another room (camera swapped).</summary>
    public int Seed { get; init; } = 1;

    public byte[] Render()
    {
        var raw = new byte[Frame.ByteCount(Width, Height)];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (u, v) = Source(x + 0.5, y + 0.5, Width, Height);
                raw[(y * Width) + x] = ToByte(16 + ((Luma(u, v) - 16) * Gain));
            }
        }

        for (var pass = 0; pass < Blur; pass++)
        {
            BoxBlur(raw.AsSpan(0, Width * Height));
        }

        var cb = Width * Height;
        var cr = cb + (cb / 4);
        for (var y = 0; y < Height / 2; y++)
        {
            for (var x = 0; x < Width / 2; x++)
            {
                var (u, v) = Source(x + 0.5, y + 0.5, Width / 2, Height / 2);
                var warm = v is >= 0.6 and < 0.8 ? -4 : 0; // a wooden desk, neutral elsewhere
                raw[cb + (y * (Width / 2)) + x] = ToByte(128 + warm + TintCb);
                raw[cr + (y * (Width / 2)) + x] = ToByte(128 - warm + TintCr);
            }
        }

        return raw;
    }

    public Frame ToFrame(long sequence = 1)
    {
        var frame = new Frame(Width, Height);
        Render().CopyTo(frame.Raw, 0);
        frame.Sequence = sequence;
        frame.Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(sequence);
        return frame;
    }

    public Reference ToReference() =>
        Reference.Capture(ToFrame().Y, ToFrame().U, ToFrame().V, Width, Height, Layout, 1, "test", DateTimeOffset.UnixEpoch);

    private (double U, double V) Source(double px, double py, int w, int h)
    {
        var u = 0.5 + ((px / w) - 0.5 - ShiftX) / Zoom;
        var v = 0.5 + ((py / h) - 0.5 - ShiftY) / Zoom;
        return (u, v);
    }

    private double Luma(double u, double v)
    {
        double X = u * Width, Y = v * Height;
        double luma;
        if (v < 0.6)
        {
            luma = 100 + (70 * (Noise(X, Y, 24) - 0.5)) + (40 * (Noise(X, Y, 9) - 0.5)) + (20 * (Noise(X, Y, 4) - 0.5)) + (16 * (Noise(X, Y, 1.5) - 0.5)); // last octave: fabric grain
        }
        else if (v < 0.8)
        {
            luma = 85 + (50 * (Noise(X, Y, 16) - 0.5)) + (25 * (Noise(X, Y, 5) - 0.5));
        }
        else
        {
            luma = 70 + (40 * (Noise(X, Y, 20) - 0.5)) + (20 * (Noise(X, Y, 6) - 0.5));
        }

        var dx = (u - HostX) / 0.08;
        var dy = (v - 0.4) / 0.2;
        if ((dx * dx) + (dy * dy) < 1)
        {
            luma = 120 + (20 * (Noise(X, Y, 8) - 0.5));
        }

        if (Layout.Seat.Contains(u, v))
        {
            luma = 16 + ((luma - 16) * SeatLight);
        }

        return luma;
    }

    /// <summary>Smooth value noise of cell size <paramref name="cell"/> pixels.</summary>
    private double Noise(double x, double y, double cell)
    {
        x /= cell;
        y /= cell;
        var ix = (int)Math.Floor(x);
        var iy = (int)Math.Floor(y);
        var fx = Smooth(x - ix);
        var fy = Smooth(y - iy);
        var a = Hash(ix, iy, cell);
        var b = Hash(ix + 1, iy, cell);
        var c = Hash(ix, iy + 1, cell);
        var d = Hash(ix + 1, iy + 1, cell);
        return (((a * (1 - fx)) + (b * fx)) * (1 - fy)) + (((c * (1 - fx)) + (d * fx)) * fy);
    }

    private static double Smooth(double t) => t * t * (3 - (2 * t));

    private double Hash(int x, int y, double cell)
    {
        unchecked
        {
            var h = (uint)((x * 374761393) + (y * 668265263) + (Seed * 1442695041) + ((int)(cell * 1000) * 1274126177));
            h = (h ^ (h >> 13)) * 1274126177u;
            h ^= h >> 16;
            return (h & 0xFFFF) / 65535.0;
        }
    }

    private static void BoxBlur(Span<byte> y)
    {
        var copy = y.ToArray();
        for (var r = 1; r < Height - 1; r++)
        {
            for (var x = 1; x < Width - 1; x++)
            {
                var sum = 0;
                for (var j = -1; j <= 1; j++)
                {
                    for (var i = -1; i <= 1; i++)
                    {
                        sum += copy[((r + j) * Width) + x + i];
                    }
                }

                y[(r * Width) + x] = (byte)((sum + 4) / 9);
            }
        }
    }

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
