using LiveRoom.Probe.Audio.Loudness;

namespace LiveRoom.Probe.Tests.Audio.Loudness;

/// <summary>The meter's two filters against the numbers printed in ITU-R BS.1770-4.</summary>
public sealed class LoudnessFilterTests
{
    /// <summary>At 48 kHz the coefficients derived from the analogue prototype are BS.1770-4's Tables 1 and 2.</summary>
    [Fact]
    public void KWeighting_At48kHz_IsTheRecommendationsTables()
    {
        var k = new KWeighting(48_000, 1);

        Assert.Equal(1.53512485958697, k.Shelf.B0, 1e-8);
        Assert.Equal(-2.69169618940638, k.Shelf.B1, 1e-8);
        Assert.Equal(1.19839281085285, k.Shelf.B2, 1e-8);
        Assert.Equal(-1.69065929318241, k.Shelf.A1, 1e-8);
        Assert.Equal(0.73248077421585, k.Shelf.A2, 1e-8);
        Assert.Equal(-1.99004745483398, k.HighPass.A1, 1e-8);
        Assert.Equal(0.99007225036621, k.HighPass.A2, 1e-8);
    }

    /// <summary>
    /// The Annex 2 table as typed in: the prototype is a symmetric 48-tap low pass, so phase 3 is phase 0 reversed and
    /// phase 2 is phase 1 reversed (which a swapped column breaks), and each phase passes DC at a gain of about 1: the
    /// sums of the taps, exact in binary, are 1.0015869140625 and 0.9730224609375 (which a mistyped tap changes).
    /// </summary>
    [Fact]
    public void TruePeakCoefficients_AreTheSymmetricAnnex2Table()
    {
        var h = TruePeak.Coefficients.ToArray();
        var phases = Enumerable.Range(0, TruePeak.Phases).Select(p => h.AsSpan(p * TruePeak.TapsPerPhase, TruePeak.TapsPerPhase).ToArray()).ToArray();

        Assert.Equal(48, h.Length);
        Assert.Equal(phases[0].Reverse(), phases[3]);
        Assert.Equal(phases[1].Reverse(), phases[2]);
        Assert.Equal([1.0015869140625, 0.9730224609375, 0.9730224609375, 1.0015869140625], phases.Select(p => p.Sum(t => (double)t)));
        Assert.Equal(0.9721679687500f, phases[0][6]);
        Assert.Equal(0.7797851562500f, phases[1][6]);
    }

    [Fact]
    public void TruePeak_ConstantSignal_ReadsItsLevel()
    {
        var truePeak = new TruePeak(2, 4800);
        var constant = new float[9600];
        constant.AsSpan().Fill(-0.25f);

        truePeak.Process(constant);
        var peak = truePeak.Process(constant);

        Assert.Equal(0.25, peak, 0.005);
    }
}
