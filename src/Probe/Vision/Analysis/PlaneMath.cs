using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>The length of the span <see cref="CountInto"/> fills: four interleaved 256-bin histograms.</summary>
    public const int HistogramsLength = 4 * 256;

    /// <summary>
    /// Adds <paramref name="values"/> to four interleaved 256-bin histograms (<see cref="HistogramsLength"/> counters):
    /// a flat picture repeats one value, and with one table every increment would wait for the previous store to the
    /// same counter. <see cref="MergeHistograms"/> folds them into the first 256 after the last call.
    /// </summary>
    public static void CountInto(ReadOnlySpan<byte> values, Span<int> histograms)
    {
        var i = 0;
        for (; i + 4 <= values.Length; i += 4)
        {
            histograms[values[i]]++;
            histograms[256 + values[i + 1]]++;
            histograms[512 + values[i + 2]]++;
            histograms[768 + values[i + 3]]++;
        }

        for (; i < values.Length; i++)
        {
            histograms[values[i]]++;
        }
    }

    /// <summary>Sums the four tables <see cref="CountInto"/> filled into the first 256 counters, and returns those.</summary>
    public static Span<int> MergeHistograms(Span<int> histograms)
    {
        for (var v = 0; v < 256; v++)
        {
            histograms[v] += histograms[256 + v] + histograms[512 + v] + histograms[768 + v];
        }

        return histograms[..256];
    }

    /// <summary>Sum of absolute differences of two equal-length runs; 16 bytes at a time are one SSE2 <c>psadbw</c>.</summary>
    public static long SumAbsDiff(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        long sum = 0;
        var i = 0;
        if (Sse2.IsSupported)
        {
            for (; i + 16 <= a.Length; i += 16)
            {
                var sad = Sse2.SumAbsoluteDifferences(Vector128.Create(a.Slice(i, 16)), Vector128.Create(b.Slice(i, 16))).AsUInt64();
                sum += (long)(sad.GetElement(0) + sad.GetElement(1));
            }
        }

        for (; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return sum;
    }

    /// <summary>Halves a plane by 2x2 averaging, rounded (odd last row/column dropped).</summary>
    public static void Downsample(ReadOnlySpan<byte> src, int width, int height, Span<byte> dst)
    {
        var w2 = width / 2;
        var h2 = height / 2;
        var low16 = Vector128.Create(0xFFFFu);
        var two = Vector128.Create(2u);
        for (var y = 0; y < h2; y++)
        {
            var r0 = src.Slice(2 * y * width, width);
            var r1 = src.Slice(((2 * y) + 1) * width, width);
            var d = dst.Slice(y * w2, w2);
            var x = 0;

            // 16 outputs from 32 bytes of each row: vertical pairs added as 16-bit lanes, horizontal pairs as the two
            // halves of a 32-bit lane, then (sum + 2) >> 2 narrowed back to bytes: the same numbers as the scalar loop.
            for (; x + 16 <= w2; x += 16)
            {
                var a = Quad(r0.Slice(2 * x, 16), r1.Slice(2 * x, 16), low16, two);
                var b = Quad(r0.Slice((2 * x) + 16, 16), r1.Slice((2 * x) + 16, 16), low16, two);
                Vector128.Narrow(a, b).CopyTo(d.Slice(x, 16));
            }

            for (; x < w2; x++)
            {
                d[x] = (byte)((r0[2 * x] + r0[(2 * x) + 1] + r1[2 * x] + r1[(2 * x) + 1] + 2) >> 2);
            }
        }
    }

    /// <summary>Eight 2x2 averages from 16 bytes of two rows, as 16-bit lanes.</summary>
    private static Vector128<ushort> Quad(ReadOnlySpan<byte> top, ReadOnlySpan<byte> bottom, Vector128<uint> low16, Vector128<uint> two)
    {
        var (tl, th) = Vector128.Widen(Vector128.Create(top));
        var (bl, bh) = Vector128.Widen(Vector128.Create(bottom));
        var lo = (tl + bl).AsUInt32();
        var hi = (th + bh).AsUInt32();
        lo = ((lo & low16) + (lo >> 16) + two) >> 2;
        hi = ((hi & low16) + (hi >> 16) + two) >> 2;
        return Vector128.Narrow(lo, hi);
    }

    /// <summary>
    /// Over the pixels of <paramref name="runs"/> (per row, [start, end) column ranges, all inside the plane's border):
    /// the sum of |4-neighbour Laplacian|, the sum of values and of squared values, and the pixel count.
    /// </summary>
    public static (long Laplacian, long Sum, long SumOfSquares, long Count) MaskedLaplacian(ReadOnlySpan<byte> plane, int width, IReadOnlyList<(int Row, int Start, int End)> runs)
    {
        long lap = 0, sum = 0, squares = 0, count = 0;
        var four = Vector128.Create((short)4);
        foreach (var (row, start, end) in runs)
        {
            var line = row * width;
            var x = start;
            var lapAcc = Vector128<int>.Zero;
            var sumAcc = Vector128<int>.Zero;
            var sqAcc = Vector128<int>.Zero;

            // Per run the 32-bit lanes hold at most width/4 x 65025 (squares): no overflow below 130,000 px wide.
            for (; x + 16 <= end; x += 16)
            {
                var (c0, c1) = Widen(plane.Slice(line + x, 16));
                var (l0, l1) = Widen(plane.Slice(line + x - 1, 16));
                var (r0, r1) = Widen(plane.Slice(line + x + 1, 16));
                var (u0, u1) = Widen(plane.Slice(line + x - width, 16));
                var (d0, d1) = Widen(plane.Slice(line + x + width, 16));
                var a0 = Vector128.Abs((four * c0) - l0 - r0 - u0 - d0);
                var a1 = Vector128.Abs((four * c1) - l1 - r1 - u1 - d1);
                lapAcc += Vector128.WidenLower(a0) + Vector128.WidenUpper(a0) + Vector128.WidenLower(a1) + Vector128.WidenUpper(a1);
                var (i0, i1) = Vector128.Widen(c0);
                var (i2, i3) = Vector128.Widen(c1);
                sumAcc += i0 + i1 + i2 + i3;
                sqAcc += (i0 * i0) + (i1 * i1) + (i2 * i2) + (i3 * i3);
            }

            lap += Vector128.Sum(lapAcc);
            sum += Vector128.Sum(sumAcc);
            squares += Vector128.Sum(sqAcc);
            count += end - start;
            for (; x < end; x++)
            {
                int c = plane[line + x];
                lap += Math.Abs((4 * c) - plane[line + x - 1] - plane[line + x + 1] - plane[line + x - width] - plane[line + x + width]);
                sum += c;
                squares += c * c;
            }
        }

        return (lap, sum, squares, count);
    }

    private static (Vector128<short> Lower, Vector128<short> Upper) Widen(ReadOnlySpan<byte> bytes)
    {
        var (lo, hi) = Vector128.Widen(Vector128.Create(bytes));
        return (lo.AsInt16(), hi.AsInt16());
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
