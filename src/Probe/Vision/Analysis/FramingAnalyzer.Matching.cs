using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LiveRoom.Probe.Vision.Analysis;

public sealed partial class FramingAnalyzer
{
    /// <summary>Displacement (full-scale pixels) of one reference block in the current frame: coarse search at 1/4 scale, refined with a sub-pixel parabola at 1/2 scale.</summary>
    private bool MatchBlock(int bx, int by, out double dx, out double dy)
    {
        dx = dy = 0;
        var refSum2 = PlaneMath.BoxSum(_refInt2, _w2, bx, by, Block, Block);
        // The camera usually has not moved: starting from no displacement lets the early exit in Sad drop most other
        // candidates after half a block. Same result as a plain scan (ties still go to the smaller displacement).
        var best = Sad(_ref2, _cur2, _w2, bx, by, bx, by, Block, (PlaneMath.BoxSum(_int2, _w2, bx, by, Block, Block) - refSum2) / (Block * Block), int.MaxValue);
        int bestX = 0, bestY = 0;
        for (var oy = -_radius; oy <= _radius; oy++)
        {
            var cy = by + oy;
            if (cy < 0 || cy + Block > _h2)
            {
                continue;
            }

            for (var ox = -_radius; ox <= _radius; ox++)
            {
                var cx = bx + ox;
                if (cx < 0 || cx + Block > _w2 || (ox == 0 && oy == 0))
                {
                    continue;
                }

                var offset = (PlaneMath.BoxSum(_int2, _w2, cx, cy, Block, Block) - refSum2) / (Block * Block);
                var cost = Sad(_ref2, _cur2, _w2, bx, by, cx, cy, Block, offset, best);

                // Ties go to the smaller displacement: a flat patch should not invent motion.
                if (cost < best || (cost == best && (Math.Abs(ox) + Math.Abs(oy)) < (Math.Abs(bestX) + Math.Abs(bestY))))
                {
                    (best, bestX, bestY) = (cost, ox, oy);
                }
            }
        }

        // At the window's edge the true match is probably outside it.
        if (best == int.MaxValue || Math.Abs(bestX) == _radius || Math.Abs(bestY) == _radius)
        {
            return false;
        }

        const int B1 = 2 * Block;
        int rx = 2 * bx, ry = 2 * by;
        var refSum1 = PlaneMath.BoxSum(_refInt1, _w1, rx, ry, B1, B1);
        Span<int> costs = stackalloc int[25];
        var best1 = int.MaxValue;
        int bi = -1;
        for (var j = 0; j < 25; j++)
        {
            var cx = (2 * (bx + bestX)) + (j % 5) - 2;
            var cy = (2 * (by + bestY)) + (j / 5) - 2;
            if (cx < 0 || cy < 0 || cx + B1 > _w1 || cy + B1 > _h1)
            {
                costs[j] = int.MaxValue;
                continue;
            }

            var offset = (PlaneMath.BoxSum(_int1, _w1, cx, cy, B1, B1) - refSum1) / (B1 * B1);
            costs[j] = Sad(_ref1, _cur1, _w1, rx, ry, cx, cy, B1, offset, int.MaxValue);
            if (costs[j] < best1)
            {
                (best1, bi) = (costs[j], j);
            }
        }

        if (bi < 0)
        {
            return false;
        }

        int gx = bi % 5, gy = bi / 5;
        var subX = gx is > 0 and < 4 ? Parabola(costs[bi - 1], costs[bi], costs[bi + 1]) : 0;
        var subY = gy is > 0 and < 4 ? Parabola(costs[bi - 5], costs[bi], costs[bi + 5]) : 0;
        dx = 2 * ((2 * bestX) + gx - 2 + subX);
        dy = 2 * ((2 * bestY) + gy - 2 + subY);
        return true;
    }

    private static double Parabola(int left, int mid, int right)
    {
        if (left == int.MaxValue || right == int.MaxValue)
        {
            return 0;
        }

        double denom = left - (2.0 * mid) + right;
        return denom <= 0 ? 0 : Math.Clamp((left - right) / (2 * denom), -0.5, 0.5);
    }

    /// <summary>Sum of |cur − ref − offset| over a square block of 8 or 16; stops early once above <paramref name="limit"/>.</summary>
    private static int Sad(byte[] reference, byte[] current, int width, int rx, int ry, int cx, int cy, int size, int offset, int limit)
    {
        // 16-bit lanes: |c − r − offset| ≤ 510, two halves per row, at most 4 row-vectors summed before the 8 lanes are
        // added up: ≤ 8 x 4 x 1020 = 32640, inside a short.
        var d = Vector128.Create((short)offset);
        var acc = Vector128<short>.Zero;
        if (size == 8)
        {
            for (var y = 0; y < 8; y += 2)
            {
                var r = Vector128.Create(
                    MemoryMarshal.Read<ulong>(reference.AsSpan(((ry + y) * width) + rx, 8)),
                    MemoryMarshal.Read<ulong>(reference.AsSpan(((ry + y + 1) * width) + rx, 8))).AsByte();
                var c = Vector128.Create(
                    MemoryMarshal.Read<ulong>(current.AsSpan(((cy + y) * width) + cx, 8)),
                    MemoryMarshal.Read<ulong>(current.AsSpan(((cy + y + 1) * width) + cx, 8))).AsByte();
                acc += AbsDiff(r, c, d);
                if (y == 2 && Vector128.Sum(acc) > limit)
                {
                    return int.MaxValue;
                }
            }

            return Vector128.Sum(acc);
        }

        var sum = 0;
        for (var y = 0; y < size; y++)
        {
            var r = Vector128.Create<byte>(reference.AsSpan(((ry + y) * width) + rx, 16));
            var c = Vector128.Create<byte>(current.AsSpan(((cy + y) * width) + cx, 16));
            acc += AbsDiff(r, c, d);
            if ((y & 3) == 3)
            {
                sum += Vector128.Sum(acc);
                acc = Vector128<short>.Zero;
                if (sum > limit)
                {
                    return sum;
                }
            }
        }

        return sum + Vector128.Sum(acc);
    }

    private static Vector128<short> AbsDiff(Vector128<byte> r, Vector128<byte> c, Vector128<short> offset)
    {
        var lo = Vector128.WidenLower(c).AsInt16() - Vector128.WidenLower(r).AsInt16() - offset;
        var hi = Vector128.WidenUpper(c).AsInt16() - Vector128.WidenUpper(r).AsInt16() - offset;
        return Vector128.Abs(lo) + Vector128.Abs(hi);
    }

    /// <summary>
    /// Robust fit of d = t + k (p − centre) to the block displacements: least squares, then drop blocks whose residual
    /// exceeds max(1.5 px, 3 x median residual) and refit, three times. k is the zoom (scale − 1).
    /// </summary>
    private bool Fit(int n, out double tx, out double ty, out double k, out int inliers)
    {
        tx = ty = k = 0;
        inliers = n;
        Array.Fill(_inlier, true, 0, n);
        double cx = _w / 2.0, cy = _h / 2.0;
        for (var iteration = 0; iteration < 4; iteration++)
        {
            double m = 0, mx = 0, my = 0, mdx = 0, mdy = 0;
            for (var i = 0; i < n; i++)
            {
                if (_inlier[i])
                {
                    m++;
                    mx += _px[i] - cx;
                    my += _py[i] - cy;
                    mdx += _dx[i];
                    mdy += _dy[i];
                }
            }

            if (m < MinBlocks)
            {
                return false;
            }

            (mx, my, mdx, mdy) = (mx / m, my / m, mdx / m, mdy / m);
            double num = 0, den = 0;
            for (var i = 0; i < n; i++)
            {
                if (_inlier[i])
                {
                    var ax = _px[i] - cx - mx;
                    var ay = _py[i] - cy - my;
                    num += (ax * (_dx[i] - mdx)) + (ay * (_dy[i] - mdy));
                    den += (ax * ax) + (ay * ay);
                }
            }

            k = den > 1e-9 ? num / den : 0;
            tx = mdx - (k * mx);
            ty = mdy - (k * my);
            for (var i = 0; i < n; i++)
            {
                var ex = _dx[i] - tx - (k * (_px[i] - cx));
                var ey = _dy[i] - ty - (k * (_py[i] - cy));
                _res[i] = Math.Sqrt((ex * ex) + (ey * ey));
                _scratch[i] = _res[i];
            }

            var sorted = _scratch.AsSpan(0, n);
            sorted.Sort();
            var limit = Math.Max(1.5, 3 * sorted[n / 2]);
            inliers = 0;
            for (var i = 0; i < n; i++)
            {
                _inlier[i] = _res[i] <= limit;
                inliers += _inlier[i] ? 1 : 0;
            }
        }

        return double.IsFinite(tx) && double.IsFinite(ty) && double.IsFinite(k) && k > -0.5 && k < 1;
    }
}
