using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LiveRoom.Probe.Audio.Loudness;

/// <summary>
/// The true peak of ITU-R BS.1770-4 Annex 2: the highest absolute value of the signal oversampled four times, which
/// finds the peaks between samples that a DAC or a lossy encoder will reconstruct (a sample peak can read -0.5 dBFS
/// while the audio really reaches +2 dBTP).
/// </summary>
/// <remarks>
/// The interpolator is the Recommendation's own: a 48-tap FIR run as 4 phases of 12 taps on the samples at the input
/// rate (Annex 2, "order 48, 4-phase FIR interpolating filter"); its gain is about 1 in each phase. The work is a
/// dot product of 12 taps per phase and output, so it is vectorised across consecutive outputs
/// (y[n..n+w] += h[k] * x[n-k..n-k+w], with <see cref="Vector{T}"/>: 8 floats with AVX2 under the JIT, 4 in the
/// baseline native build; the symmetry of the phases halves the multiplies, see <see cref="AbsMaxOfPhases"/>), each
/// channel deinterleaved into a buffer allocated once behind the last 11 samples of the previous call. The interpolated
/// signal lags the input by 6 samples (0.125 ms at 48 kHz): a peak in the last 6 samples of a block shows in the next
/// block's true peak (and in its own block's sample peak).
/// </remarks>
internal sealed class TruePeak
{
    /// <summary>Phases of the interpolator: the oversampling factor.</summary>
    public const int Phases = 4;

    /// <summary>Taps per phase.</summary>
    public const int TapsPerPhase = 12;

    private const int History = TapsPerPhase - 1;
    private const int HalfTaps = TapsPerPhase / 2;

    private static readonly Vector<float>[] Taps = BroadcastTaps();

    private readonly int _channels;
    private readonly float[][] _signal;

    /// <param name="channels">Channels of the interleaved input.</param>
    /// <param name="maxFrames">The most frames one call of <see cref="Process"/> will be given.</param>
    public TruePeak(int channels, int maxFrames)
    {
        _channels = channels;
        _signal = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            _signal[c] = new float[History + maxFrames];
        }
    }

    /// <summary>
    /// ITU-R BS.1770-4 Annex 2, table of the interpolating filter: phase 0's 12 taps, then phases 1, 2 and 3; within a
    /// phase, tap k multiplies the sample k samples before the newest. Every value is a multiple of 2^-13, exact in a float.
    /// </summary>
    internal static ReadOnlySpan<float> Coefficients =>
    [
        0.0017089843750f, 0.0109863281250f, -0.0196533203125f, 0.0332031250000f, -0.0594482421875f, 0.1373291015625f,
        0.9721679687500f, -0.1022949218750f, 0.0476074218750f, -0.0266113281250f, 0.0148925781250f, -0.0083007812500f,

        -0.0291748046875f, 0.0292968750000f, -0.0517578125000f, 0.0891113281250f, -0.1665039062500f, 0.4650878906250f,
        0.7797851562500f, -0.2003173828125f, 0.1015625000000f, -0.0582275390625f, 0.0330810546875f, -0.0189208984375f,

        -0.0189208984375f, 0.0330810546875f, -0.0582275390625f, 0.1015625000000f, -0.2003173828125f, 0.7797851562500f,
        0.4650878906250f, -0.1665039062500f, 0.0891113281250f, -0.0517578125000f, 0.0292968750000f, -0.0291748046875f,

        -0.0083007812500f, 0.0148925781250f, -0.0266113281250f, 0.0476074218750f, -0.1022949218750f, 0.9721679687500f,
        0.1373291015625f, -0.0594482421875f, 0.0332031250000f, -0.0196533203125f, 0.0109863281250f, 0.0017089843750f,
    ];

    /// <summary>
    /// The highest absolute value of the 4x-oversampled signal over all channels of <paramref name="interleaved"/>
    /// (whole frames, at most the <c>maxFrames</c> given to the constructor), linear; the filter history carries over
    /// to the next call.
    /// </summary>
    public float Process(ReadOnlySpan<float> interleaved)
    {
        var frames = interleaved.Length / _channels;
        var peak = 0f;
        for (var c = 0; c < _channels; c++)
        {
            var signal = _signal[c];
            var fresh = signal.AsSpan(History, frames);
            for (int i = 0, j = c; i < fresh.Length; i++, j += _channels)
            {
                fresh[i] = interleaved[j];
            }

            // Vector<float> is correct without SIMD hardware too (the runtime then computes it lane by lane).
            peak = Math.Max(peak, FilterVector(signal.AsSpan(0, History + frames)));

            // The last 11 samples are the next call's history (CopyTo is an overlap-safe move).
            signal.AsSpan(frames, History).CopyTo(signal);
        }

        return peak;
    }

    /// <summary>The highest absolute value in <paramref name="values"/> (the sample peak), 0 for an empty span.</summary>
    public static float AbsMax(ReadOnlySpan<float> values)
    {
        var i = 0;
        var max = 0f;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc = Vector.MaxNative(acc, Vector.Abs(new Vector<float>(values[i..])));
            }

            max = HorizontalMax(acc);
        }

        for (; i < values.Length; i++)
        {
            max = Math.Max(max, Math.Abs(values[i]));
        }

        return max;
    }

    /// <summary>
    /// The highest |output| of all phases for the outputs of <paramref name="x"/> (11 samples of history, then the new
    /// ones). Every output is computed by the same vector arithmetic (the last, partial group overlaps the one before
    /// it, or is zero-padded and masked when there are fewer new samples than lanes), so the result does not depend
    /// on how the input was split between calls.
    /// </summary>
    private static float FilterVector(ReadOnlySpan<float> x)
    {
        var width = Vector<float>.Count;
        var outputs = x.Length - History;
        if (outputs < width)
        {
            Span<float> padded = stackalloc float[Vector<float>.Count + History];
            padded.Clear();
            x.CopyTo(padded);
            var valid = Vector.LessThan(Vector<int>.Indices, new Vector<int>(outputs)).As<int, float>();
            return HorizontalMax(Vector.ConditionalSelect(valid, AbsMaxOfPhases(padded), Vector<float>.Zero));
        }

        // Two groups at a time share each tap's load; the rest one group at a time, the last overlapping the one before.
        var max = Vector<float>.Zero;
        var i = 0;
        for (; i + (2 * width) <= outputs; i += 2 * width)
        {
            max = Vector.MaxNative(max, AbsMaxOfPhasesTwoGroups(x[i..]));
        }

        for (; i < outputs; i += width)
        {
            max = Vector.MaxNative(max, AbsMaxOfPhases(x[Math.Min(i, outputs - width)..]));
        }

        return HorizontalMax(max);
    }

    /// <summary>
    /// max |y| over the 4 phases, lane by lane, for the <see cref="Vector{T}.Count"/> outputs whose oldest input is
    /// <paramref name="x"/>[0] (x holds at least Count + 11 samples).
    /// </summary>
    /// <remarks>
    /// Phase 3 is phase 0 reversed and phase 2 is phase 1 reversed (the prototype is symmetric), so with the sums
    /// u = x[t+11-k] + x[t+k] and differences v = x[t+11-k] - x[t+k] of the pairs of samples under tap k and 11-k,
    /// S = sum (h[k] + h[11-k]) / 2 * u and D = sum (h[k] - h[11-k]) / 2 * v give y0 = S + D and y3 = S - D, and
    /// max(|y0|, |y3|) = |S| + |D|; the same u and v serve phases 1 and 2. That is 24 multiply-adds and 12 additions per
    /// group instead of 48 multiply-adds, which matters where there is no FMA (the baseline native build).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> AbsMaxOfPhases(ReadOnlySpan<float> x)
    {
        if (x.Length < Vector<float>.Count + History)
        {
            ThrowWindowTooShort();
        }

        // Every load below reads x[k .. k + Count) with k <= 11: inside x, as just checked.
        ref var start = ref MemoryMarshal.GetReference(x);
        var taps = new ReadOnlySpan<Vector<float>>(Taps)[..(4 * HalfTaps)];
        Vector<float> s0 = default, d0 = default, s1 = default, d1 = default;
        for (var k = 0; k < HalfTaps; k++)
        {
            var newer = Vector.LoadUnsafe(ref start, (nuint)(History - k));
            var older = Vector.LoadUnsafe(ref start, (nuint)k);
            var sum = newer + older;
            var difference = newer - older;
            s0 = Vector.MultiplyAddEstimate(sum, taps[k], s0);
            d0 = Vector.MultiplyAddEstimate(difference, taps[HalfTaps + k], d0);
            s1 = Vector.MultiplyAddEstimate(sum, taps[(2 * HalfTaps) + k], s1);
            d1 = Vector.MultiplyAddEstimate(difference, taps[(3 * HalfTaps) + k], d1);
        }

        return Vector.MaxNative(Vector.Abs(s0) + Vector.Abs(d0), Vector.Abs(s1) + Vector.Abs(d1));
    }

    /// <summary>
    /// <see cref="AbsMaxOfPhases"/> for two consecutive groups (x holds at least 2 Count + 11 samples), lane by lane the
    /// higher of the two: each tap is loaded once for both. Every output goes through the same operations as in
    /// <see cref="AbsMaxOfPhases"/>, so its value is the same to the bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> AbsMaxOfPhasesTwoGroups(ReadOnlySpan<float> x)
    {
        var width = Vector<float>.Count;
        if (x.Length < (2 * width) + History)
        {
            ThrowWindowTooShort();
        }

        ref var start = ref MemoryMarshal.GetReference(x);
        var taps = new ReadOnlySpan<Vector<float>>(Taps)[..(4 * HalfTaps)];
        Vector<float> s0 = default, d0 = default, s1 = default, d1 = default;
        Vector<float> s0B = default, d0B = default, s1B = default, d1B = default;
        for (var k = 0; k < HalfTaps; k++)
        {
            var newer = Vector.LoadUnsafe(ref start, (nuint)(History - k));
            var older = Vector.LoadUnsafe(ref start, (nuint)k);
            var newerB = Vector.LoadUnsafe(ref start, (nuint)(History - k + width));
            var olderB = Vector.LoadUnsafe(ref start, (nuint)(k + width));
            var sum = newer + older;
            var difference = newer - older;
            var sumB = newerB + olderB;
            var differenceB = newerB - olderB;
            var tap = taps[k];
            s0 = Vector.MultiplyAddEstimate(sum, tap, s0);
            s0B = Vector.MultiplyAddEstimate(sumB, tap, s0B);
            tap = taps[HalfTaps + k];
            d0 = Vector.MultiplyAddEstimate(difference, tap, d0);
            d0B = Vector.MultiplyAddEstimate(differenceB, tap, d0B);
            tap = taps[(2 * HalfTaps) + k];
            s1 = Vector.MultiplyAddEstimate(sum, tap, s1);
            s1B = Vector.MultiplyAddEstimate(sumB, tap, s1B);
            tap = taps[(3 * HalfTaps) + k];
            d1 = Vector.MultiplyAddEstimate(difference, tap, d1);
            d1B = Vector.MultiplyAddEstimate(differenceB, tap, d1B);
        }

        var first = Vector.MaxNative(Vector.Abs(s0) + Vector.Abs(d0), Vector.Abs(s1) + Vector.Abs(d1));
        var second = Vector.MaxNative(Vector.Abs(s0B) + Vector.Abs(d0B), Vector.Abs(s1B) + Vector.Abs(d1B));
        return Vector.MaxNative(first, second);
    }

    [DoesNotReturn]
    private static void ThrowWindowTooShort() =>
        throw new InvalidOperationException("The true-peak window is shorter than one group of outputs and the filter history.");

    private static float HorizontalMax(Vector<float> v)
    {
        var max = 0f;
        for (var i = 0; i < Vector<float>.Count; i++)
        {
            max = Math.Max(max, v[i]);
        }

        return max;
    }

    /// <summary>
    /// The symmetric and antisymmetric halves of phases 0 and 1, broadcast to vectors in the order
    /// <see cref="AbsMaxOfPhases"/> reads them: (h0[k] + h0[11-k]) / 2, (h0[k] - h0[11-k]) / 2, the same of h1, for
    /// k = 0..5 each (exact: the taps are multiples of 2^-13).
    /// </summary>
    private static Vector<float>[] BroadcastTaps()
    {
        var h = Coefficients;
        var taps = new Vector<float>[4 * HalfTaps];
        for (var k = 0; k < HalfTaps; k++)
        {
            for (var phase = 0; phase < 2; phase++)
            {
                var tap = h[(phase * TapsPerPhase) + k];
                var mirror = h[(phase * TapsPerPhase) + History - k];
                taps[(2 * phase * HalfTaps) + k] = new Vector<float>((tap + mirror) / 2);
                taps[(((2 * phase) + 1) * HalfTaps) + k] = new Vector<float>((tap - mirror) / 2);
            }
        }

        return taps;
    }
}
