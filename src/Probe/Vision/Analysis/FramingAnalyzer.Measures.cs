namespace LiveRoom.Probe.Vision.Analysis;

public sealed partial class FramingAnalyzer
{
    /// <summary>NCC of the static regions (1/2 scale, every other pixel) with the current frame sampled through the estimated motion.</summary>
    private double Similarity(double scale, double txFull, double tyFull)
    {
        double n = 0, sr = 0, sc = 0, srr = 0, scc = 0, src = 0;
        double ccx = _w1 / 2.0, ccy = _h1 / 2.0, tx = txFull / 2, ty = tyFull / 2;
        for (var y = 0; y < _h1; y += 2)
        {
            for (var x = 0; x < _w1; x += 2)
            {
                if (_mask1[(y * _w1) + x] == 0)
                {
                    continue;
                }

                // Pixel centres: content at p moves to centre + scale (p − centre) + t.
                var qx = ccx + (scale * (x + 0.5 - ccx)) + tx - 0.5;
                var qy = ccy + (scale * (y + 0.5 - ccy)) + ty - 0.5;
                if (qx < 0 || qy < 0 || qx > _w1 - 1.001 || qy > _h1 - 1.001)
                {
                    continue;
                }

                int x0 = (int)qx, y0 = (int)qy;
                double fx = qx - x0, fy = qy - y0;
                var i0 = (y0 * _w1) + x0;
                var c = (((_cur1[i0] * (1 - fx)) + (_cur1[i0 + 1] * fx)) * (1 - fy)) + (((_cur1[i0 + _w1] * (1 - fx)) + (_cur1[i0 + _w1 + 1] * fx)) * fy);
                double r = _ref1[(y * _w1) + x];
                n++;
                sr += r;
                sc += c;
                srr += r * r;
                scc += c * c;
                src += r * c;
            }
        }

        if (n < 16)
        {
            return 0;
        }

        var cov = (src / n) - (sr / n * (sc / n));
        var vr = (srr / n) - (sr / n * (sr / n));
        var vc = (scc / n) - (sc / n * (sc / n));

        // A flat picture (lens covered) correlates with nothing.
        if (vr < 1 || vc < 1)
        {
            return 0;
        }

        var ncc = cov / Math.Sqrt(vr * vc);
        return double.IsFinite(ncc) ? Math.Clamp(ncc, -1, 1) : 0;
    }

    /// <summary>
    /// Mean |4-neighbour Laplacian| over the static regions at full scale, divided by their luma standard deviation + 1,
    /// so dimming the lights (which scales both) does not read as a focus change.
    /// </summary>
    private double Sharpness(ReadOnlySpan<byte> y)
    {
        var (lap, s, s2, n) = PlaneMath.MaskedLaplacian(y, _w, _staticRuns);
        if (n == 0)
        {
            return 0;
        }

        var mean = (double)s / n;
        var std = Math.Sqrt(Math.Max(0, ((double)s2 / n) - (mean * mean)));
        return (double)lap / n / (std + 1);
    }

    /// <summary>The static pixels at full scale inside the one-pixel border, as row runs (from the 1/2-scale mask).</summary>
    private List<(int Row, int Start, int End)> StaticRuns()
    {
        var runs = new List<(int Row, int Start, int End)>();
        for (var row = 1; row < _h - 1; row++)
        {
            var maskRow = (row / 2) * _w1;
            var x = 1;
            while (x < _w - 1)
            {
                if (_mask1[maskRow + (x / 2)] == 0)
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < _w - 1 && _mask1[maskRow + (x / 2)] != 0)
                {
                    x++;
                }

                runs.Add((row, start, x));
            }
        }

        return runs;
    }
}
