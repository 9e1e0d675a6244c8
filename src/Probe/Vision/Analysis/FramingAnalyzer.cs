namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>
/// Estimates camera shift and zoom against the reference from the static regions only (backdrop, desk, background minus
/// the seat), so a host moving in the seat never reads as drift: block matching on a 1/4 then 1/2 scale luma pyramid
/// (offset-compensated SAD, so a brighter or darker room still matches), then a robust least-squares fit of
/// translation + scale to the block displacements with iterative outlier rejection. All buffers are allocated once.
/// </summary>
public sealed partial class FramingAnalyzer
{
    private const int Block = 8;            // at 1/4 scale: 32 px at full scale
    private const double SeatMargin = 0.03; // normalized: keeps blocks that straddle the host's edge out
    private const double MinTextureStd = 3; // code values at 1/4 scale: flat blocks match anywhere
    private const int MinBlocks = 6;

    private readonly int _w, _h, _w1, _h1, _w2, _h2, _radius;
    private readonly byte[] _ref1, _ref2, _cur1, _cur2, _mask1;
    private readonly int[] _int1, _int2, _refInt1, _refInt2;
    private readonly int[] _bx, _by;
    private readonly double[] _px, _py, _dx, _dy, _res, _scratch;
    private readonly bool[] _inlier;
    private readonly int _blocks;
    private readonly double _refSharpness;
    private readonly RoomLayout _layout;
    private readonly List<(int Row, int Start, int End)> _staticRuns;

    /// <summary>Prepares the reference luma (<paramref name="width"/> x <paramref name="height"/>, both multiples of 4).</summary>
    /// <param name="referenceY">The reference luma plane.</param>
    /// <param name="width">Plane width, pixels.</param>
    /// <param name="height">Plane height, pixels.</param>
    /// <param name="layout">The room's regions.</param>
    /// <param name="searchRadius">Largest displacement searched, in 1/4-scale pixels (default 12: 7.5 % of the width, 13 % of the height).</param>
    public FramingAnalyzer(ReadOnlySpan<byte> referenceY, int width, int height, RoomLayout layout, int searchRadius = 12)
    {
        if (width % 4 != 0 || height % 4 != 0 || width < 64 || height < 64 || referenceY.Length < width * height)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "framing needs a plane of at least 64x64 with sides multiple of 4");
        }

        (_w, _h, _w1, _h1, _w2, _h2, _radius, _layout) = (width, height, width / 2, height / 2, width / 4, height / 4, searchRadius, layout);
        _ref1 = new byte[_w1 * _h1];
        _ref2 = new byte[_w2 * _h2];
        _cur1 = new byte[_w1 * _h1];
        _cur2 = new byte[_w2 * _h2];
        _int1 = new int[(_w1 + 1) * (_h1 + 1)];
        _int2 = new int[(_w2 + 1) * (_h2 + 1)];
        _refInt1 = new int[(_w1 + 1) * (_h1 + 1)];
        _refInt2 = new int[(_w2 + 1) * (_h2 + 1)];
        PlaneMath.Downsample(referenceY, _w, _h, _ref1);
        PlaneMath.Downsample(_ref1, _w1, _h1, _ref2);
        PlaneMath.Integral(_ref1, _w1, _h1, _refInt1);
        PlaneMath.Integral(_ref2, _w2, _h2, _refInt2);

        _mask1 = new byte[_w1 * _h1];
        var seat = layout.Seat with { X = layout.Seat.X - SeatMargin, Y = layout.Seat.Y - SeatMargin, Width = layout.Seat.Width + (2 * SeatMargin), Height = layout.Seat.Height + (2 * SeatMargin) };
        for (var y = 0; y < _h1; y++)
        {
            for (var x = 0; x < _w1; x++)
            {
                var nx = (x + 0.5) / _w1;
                var ny = (y + 0.5) / _h1;
                var isStatic = layout.Backdrop.Contains(nx, ny) || layout.Desk.Contains(nx, ny) || layout.Background.Contains(nx, ny);
                _mask1[(y * _w1) + x] = (byte)(isStatic && !seat.Contains(nx, ny) ? 1 : 0);
            }
        }

        var max = (_w2 / Block) * (_h2 / Block);
        _bx = new int[max];
        _by = new int[max];
        for (var by = 0; by + Block <= _h2; by += Block)
        {
            for (var bx = 0; bx + Block <= _w2; bx += Block)
            {
                if (IsStaticBlock(bx, by) && BlockStd(_ref2, bx, by) >= MinTextureStd)
                {
                    _bx[_blocks] = bx;
                    _by[_blocks] = by;
                    _blocks++;
                }
            }
        }

        (_px, _py, _dx, _dy, _res, _scratch, _inlier) = (new double[max], new double[max], new double[max], new double[max], new double[max], new double[max], new bool[max]);
        _staticRuns = StaticRuns();
        _refSharpness = Sharpness(referenceY);
    }

    /// <summary>Textured static blocks available for matching.</summary>
    public int Blocks => _blocks;

    /// <summary>Measures one frame's luma (same size as the reference).</summary>
    public FramingResult Analyze(ReadOnlySpan<byte> y)
    {
        PlaneMath.Downsample(y, _w, _h, _cur1);
        PlaneMath.Downsample(_cur1, _w1, _h1, _cur2);
        PlaneMath.Integral(_cur1, _w1, _h1, _int1);
        PlaneMath.Integral(_cur2, _w2, _h2, _int2);

        var sharp = Sharpness(y);
        var ratio = _refSharpness < 1e-3 ? (sharp < 1e-3 ? 1 : 2) : sharp / _refSharpness;
        var n = 0;
        for (var i = 0; i < _blocks; i++)
        {
            if (MatchBlock(_bx[i], _by[i], out var dx, out var dy))
            {
                _px[n] = (4 * _bx[i]) + (2 * Block);
                _py[n] = (4 * _by[i]) + (2 * Block);
                _dx[n] = dx;
                _dy[n] = dy;
                n++;
            }
        }

        if (n < MinBlocks || !Fit(n, out var tx, out var ty, out var k, out var inliers) || inliers < Math.Max(MinBlocks, n / 2))
        {
            return new FramingResult(false, _blocks, 0, 0, 0, 1, Similarity(1, 0, 0), 0, 0, Finite(sharp), Finite(ratio));
        }

        var scale = 1 + k;
        var sx = 100 * tx / _w;
        var sy = 100 * ty / _h;
        return new FramingResult(
            true,
            _blocks,
            100.0 * inliers / _blocks,
            sx,
            sy,
            scale,
            Similarity(scale, tx, ty),
            FramingResult.Coverage(_layout.Backdrop, scale, sx, sy),
            FramingResult.Coverage(_layout.Desk, scale, sx, sy),
            Finite(sharp),
            Finite(ratio));
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;

    private bool IsStaticBlock(int bx, int by)
    {
        var count = 0;
        for (var y = 2 * by; y < 2 * (by + Block); y++)
        {
            for (var x = 2 * bx; x < 2 * (bx + Block); x++)
            {
                count += _mask1[(y * _w1) + x];
            }
        }

        return count == 4 * Block * Block;
    }

    private double BlockStd(byte[] plane, int bx, int by)
    {
        double s = 0, s2 = 0;
        for (var y = by; y < by + Block; y++)
        {
            for (var x = bx; x < bx + Block; x++)
            {
                double v = plane[(y * _w2) + x];
                s += v;
                s2 += v * v;
            }
        }

        var m = s / (Block * Block);
        return Math.Sqrt(Math.Max(0, (s2 / (Block * Block)) - (m * m)));
    }
}
