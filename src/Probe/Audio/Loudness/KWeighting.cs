using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LiveRoom.Probe.Audio.Loudness;

/// <summary>
/// The K-weighting of ITU-R BS.1770-4 (Annex 1, Figures 1 to 3 and Tables 1 and 2): a high shelf (+4 dB above ~1.7 kHz, the acoustic effect
/// of the head) followed by the "RLB" high pass (~38 Hz), run on every channel, and the sum of the squares of the
/// weighted samples per channel, which is what loudness is computed from.
/// </summary>
/// <remarks>
/// The Recommendation tabulates the coefficients for 48 kHz only; as libebur128 does, they are derived here for any
/// sample rate from the analogue prototype the 48 kHz table was made from (bilinear transform), so 48 kHz gives the
/// tabulated values to about 1e-8. The two biquads run in direct form I (as in ffmpeg) in double precision. A biquad is a
/// recurrence, so it stays scalar; the channels are filtered two at a time in one loop so that their dependency
/// chains overlap.
/// </remarks>
internal sealed class KWeighting
{
    // Analogue prototype of the shelf and the high pass (libebur128, ebur128_init_filter).
    private const double ShelfHz = 1681.974450955533;
    private const double ShelfGainDb = 3.999843853973347;
    private const double ShelfQ = 0.7071752369554196;
    private const double ShelfBandGainExponent = 0.4996667741545416;
    private const double HighPassHz = 38.13547087602444;
    private const double HighPassQ = 0.5003270373238773;

    // Filter states this small are flushed to zero once a block (FlushNegligibleState): after the signal stops they
    // would otherwise decay into subnormal numbers, which cost a hundred times more per operation, for a contribution
    // of < 1e-60 to the energy. A NaN or infinite state (a NaN or infinite sample from a broken decoder) is reset too,
    // or the recurrence would carry it forever.
    private const double Negligible = 1e-30;

    private const int StateLength = 6;

    private readonly int _channels;

    // Shelf: y = b0 x + b1 x1 + b2 x2 - a1 y1 - a2 y2 (a0 = 1).
    private readonly double _b0, _b1, _b2, _a1, _a2;

    // High pass on y, numerator (1, -2, 1): z = y - 2 y1 + y2 - c1 z1 - c2 z2.
    private readonly double _c1, _c2;

    // Per channel, at [channel * StateLength]: x1, x2, y1, y2, z1, z2 (the last two inputs and outputs of both stages).
    private readonly double[] _state;

    public KWeighting(int sampleRate, int channels)
    {
        _channels = channels;

        var k = Math.Tan(Math.PI * ShelfHz / sampleRate);
        var vh = Math.Pow(10, ShelfGainDb / 20);
        var vb = Math.Pow(vh, ShelfBandGainExponent);
        var a0 = 1 + (k / ShelfQ) + (k * k);
        _b0 = (vh + (vb * k / ShelfQ) + (k * k)) / a0;
        _b1 = 2 * ((k * k) - vh) / a0;
        _b2 = (vh - (vb * k / ShelfQ) + (k * k)) / a0;
        _a1 = 2 * ((k * k) - 1) / a0;
        _a2 = (1 - (k / ShelfQ) + (k * k)) / a0;

        k = Math.Tan(Math.PI * HighPassHz / sampleRate);
        a0 = 1 + (k / HighPassQ) + (k * k);
        _c1 = 2 * ((k * k) - 1) / a0;
        _c2 = (1 - (k / HighPassQ) + (k * k)) / a0;

        _state = new double[channels * StateLength];
    }

    /// <summary>The shelf's coefficients b0, b1, b2, a1, a2 (a0 = 1), for tests.</summary>
    internal (double B0, double B1, double B2, double A1, double A2) Shelf => (_b0, _b1, _b2, _a1, _a2);

    /// <summary>The high pass's a1, a2 (b = 1, -2, 1; a0 = 1), for tests.</summary>
    internal (double A1, double A2) HighPass => (_c1, _c2);

    /// <summary>
    /// Filters <paramref name="interleaved"/> (whole frames) and adds the sum of the squares of each channel's
    /// K-weighted samples to <paramref name="sumOfSquares"/>[channel]. The filter state carries over to the next call.
    /// </summary>
    /// <remarks>
    /// The squares are added one by one to the running sums themselves, so a block's sums come out bit for bit the
    /// same however the samples were split between calls.
    /// </remarks>
    public void Accumulate(ReadOnlySpan<float> interleaved, Span<double> sumOfSquares)
    {
        var c = 0;
        for (; c + 2 <= _channels; c += 2)
        {
            FilterPair(interleaved, c, sumOfSquares);
        }

        if (c < _channels)
        {
            FilterOne(interleaved, c, sumOfSquares);
        }
    }

    /// <summary>
    /// Sets filter state below 1e-30, NaN or infinite to zero. Called at each block boundary (a point that does not
    /// depend on how the input was split between calls), so that silence after a signal never runs on subnormal
    /// numbers and a NaN sample spoils the loudness of the windows that hold it, not all that follow.
    /// </summary>
    public void FlushNegligibleState()
    {
        foreach (ref var state in _state.AsSpan())
        {
            state = Math.Abs(state) < Negligible || !double.IsFinite(state) ? 0 : state;
        }
    }

    // Direct form I, written so that the only loop-carried paths are one multiply and one subtraction per stage
    // ((... - a2 y2) - a1 y1): the terms of older samples are summed while the previous output is still being computed.
    private void FilterPair(ReadOnlySpan<float> interleaved, int c, Span<double> sumOfSquares)
    {
        double b0 = _b0, b1 = _b1, b2 = _b2, a1 = _a1, a2 = _a2, c1 = _c1, c2 = _c2;
        var l = _state.AsSpan(c * StateLength, StateLength);
        var r = _state.AsSpan((c + 1) * StateLength, StateLength);
        double x1L = l[0], x2L = l[1], y1L = l[2], y2L = l[3], z1L = l[4], z2L = l[5], sumL = sumOfSquares[c];
        double x1R = r[0], x2R = r[1], y1R = r[2], y2R = r[3], z1R = r[4], z2R = r[5], sumR = sumOfSquares[c + 1];
        var stride = _channels;
        for (var i = c; i + 1 < interleaved.Length; i += stride)
        {
            double xL = Widen(interleaved[i]), xR = Widen(interleaved[i + 1]);

            var yL = ((b0 * xL) + (b1 * x1L) + (b2 * x2L) - (a2 * y2L)) - (a1 * y1L);
            var yR = ((b0 * xR) + (b1 * x1R) + (b2 * x2R) - (a2 * y2R)) - (a1 * y1R);
            var zL = (yL - (2 * y1L) + y2L - (c2 * z2L)) - (c1 * z1L);
            var zR = (yR - (2 * y1R) + y2R - (c2 * z2R)) - (c1 * z1R);
            sumL += zL * zL;
            sumR += zR * zR;

            (x2L, x1L, y2L, y1L, z2L, z1L) = (x1L, xL, y1L, yL, z1L, zL);
            (x2R, x1R, y2R, y1R, z2R, z1R) = (x1R, xR, y1R, yR, z1R, zR);
        }

        sumOfSquares[c] = sumL;
        sumOfSquares[c + 1] = sumR;
        (l[0], l[1], l[2], l[3], l[4], l[5]) = (x1L, x2L, y1L, y2L, z1L, z2L);
        (r[0], r[1], r[2], r[3], r[4], r[5]) = (x1R, x2R, y1R, y2R, z1R, z2R);
    }

    private void FilterOne(ReadOnlySpan<float> interleaved, int c, Span<double> sumOfSquares)
    {
        double b0 = _b0, b1 = _b1, b2 = _b2, a1 = _a1, a2 = _a2, c1 = _c1, c2 = _c2;
        var s = _state.AsSpan(c * StateLength, StateLength);
        double x1 = s[0], x2 = s[1], y1 = s[2], y2 = s[3], z1 = s[4], z2 = s[5], sum = sumOfSquares[c];
        var stride = _channels;
        for (var i = c; i < interleaved.Length; i += stride)
        {
            var x = Widen(interleaved[i]);
            var y = ((b0 * x) + (b1 * x1) + (b2 * x2) - (a2 * y2)) - (a1 * y1);
            var z = (y - (2 * y1) + y2 - (c2 * z2)) - (c1 * z1);
            sum += z * z;
            (x2, x1, y2, y1, z2, z1) = (x1, x, y1, y, z1, z);
        }

        sumOfSquares[c] = sum;
        (s[0], s[1], s[2], s[3], s[4], s[5]) = (x1, x2, y1, y2, z1, z2);
    }

    /// <summary>
    /// (double)value, but by a vector conversion: the scalar one (cvtss2sd) only writes the low lane of its target and
    /// so waits for the register's previous value, which the JIT picks from the end of the last iteration's chain,
    /// serialising the iterations (a mono channel took twice as long as a stereo pair).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Widen(float value) => Vector128.WidenLower(Vector128.CreateScalarUnsafe(value)).ToScalar();
}
