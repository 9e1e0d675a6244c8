using System.Numerics;

namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>Small SIMD helpers on 8-bit planes.</summary>
internal static class PlaneMath
{
    /// <summary>Sum of the bytes (one row or a few; lanes cannot overflow below 16 M bytes).</summary>
    public static long Sum(ReadOnlySpan<byte> values)
    {
        long total = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<byte>.Count)
        {
            var acc = Vector<uint>.Zero;
            for (; i <= values.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.Widen(new Vector<byte>(values[i..]), out Vector<ushort> lo, out Vector<ushort> hi);
                Vector.Widen(lo + hi, out Vector<uint> a, out Vector<uint> b);
                acc += a + b;
            }

            total = Vector.Sum(acc);
        }

        for (; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }

    /// <summary>Halves a plane by 2x2 averaging (odd last row/column dropped).</summary>
    public static void Downsample(ReadOnlySpan<byte> src, int width, int height, Span<byte> dst)
    {
        var w2 = width / 2;
        var h2 = height / 2;
        for (var y = 0; y < h2; y++)
        {
            var r0 = src.Slice(2 * y * width, width);
            var r1 = src.Slice(((2 * y) + 1) * width, width);
            var d = dst.Slice(y * w2, w2);
            for (var x = 0; x < w2; x++)
            {
                d[x] = (byte)((r0[2 * x] + r0[(2 * x) + 1] + r1[2 * x] + r1[(2 * x) + 1] + 2) >> 2);
            }
        }
    }

    /// <summary>Integral image: (width+1) x (height+1), entry [y, x] = sum of plane[0..y, 0..x].</summary>
    public static void Integral(ReadOnlySpan<byte> src, int width, int height, Span<int> dst)
    {
        var stride = width + 1;
        dst[..stride].Clear();
        for (var y = 0; y < height; y++)
        {
            var row = 0;
            dst[(y + 1) * stride] = 0;
            for (var x = 0; x < width; x++)
            {
                row += src[(y * width) + x];
                dst[((y + 1) * stride) + x + 1] = dst[(y * stride) + x + 1] + row;
            }
        }
    }

    public static int BoxSum(ReadOnlySpan<int> integral, int width, int x, int y, int w, int h)
    {
        var stride = width + 1;
        return integral[((y + h) * stride) + x + w] - integral[(y * stride) + x + w] - integral[((y + h) * stride) + x] + integral[(y * stride) + x];
    }

    /// <summary>Bilinear rescale of a plane (for a reference of another resolution with the same aspect ratio).</summary>
    public static byte[] Resize(ReadOnlySpan<byte> src, int sw, int sh, int dw, int dh)
    {
        var dst = new byte[dw * dh];
        for (var y = 0; y < dh; y++)
        {
            var fy = Math.Clamp((((y + 0.5) * sh) / dh) - 0.5, 0, sh - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, sh - 1);
            var wy = fy - y0;
            for (var x = 0; x < dw; x++)
            {
                var fx = Math.Clamp((((x + 0.5) * sw) / dw) - 0.5, 0, sw - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, sw - 1);
                var wx = fx - x0;
                var top = (src[(y0 * sw) + x0] * (1 - wx)) + (src[(y0 * sw) + x1] * wx);
                var bottom = (src[(y1 * sw) + x0] * (1 - wx)) + (src[(y1 * sw) + x1] * wx);
                dst[(y * dw) + x] = (byte)Math.Clamp(Math.Round((top * (1 - wy)) + (bottom * wy)), 0, 255);
            }
        }

        return dst;
    }
}
