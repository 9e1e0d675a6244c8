using LiveRoom.Probe.Audio.Loudness;

namespace LiveRoom.Probe.Tests.Audio.Loudness;

/// <summary>
/// The meter on signals whose readings BS.1770-4 fixes: a 1 kHz sine at full scale reads -3.01 LUFS in one channel and
/// 0.0 LUFS in two (the -0.691 of equation (2) cancels the K-weighting's gain at 1 kHz); silence; peaks. Then how the
/// blocks come out: when each value becomes defined, independence from how the samples are split between calls, the
/// channel weights, and the arguments refused.
/// </summary>
public sealed class LoudnessMeterTests
{
    [Theory]
    [InlineData(1, 48_000, -23.01)]
    [InlineData(2, 48_000, -20.0)]
    [InlineData(2, 44_100, -20.0)]
    public void Add_997HzSineAtMinus20Dbfs_ReadsItsBs1770Loudness(int channels, int rate, double expectedLufs)
    {
        var blocks = Meter(rate, channels, 0, TestSignals.Sine(rate, channels, 4, 997, 0.1));

        Assert.Equal(40, blocks.Count);
        Assert.True(double.IsNaN(blocks[2].MomentaryLufs));
        Assert.Equal(expectedLufs, blocks[3].MomentaryLufs, 0.1);
        Assert.True(double.IsNaN(blocks[28].ShortTermLufs));
        Assert.All(blocks.Skip(4), b => Assert.Equal(expectedLufs, b.MomentaryLufs, 0.05));
        Assert.All(blocks.Skip(29), b => Assert.Equal(expectedLufs, b.ShortTermLufs, 0.05));
        Assert.All(blocks.Skip(1), b => Assert.Equal(-20, b.TruePeakDbtp, 0.05));
        Assert.All(blocks, b => Assert.Equal(-20, b.SamplePeakDbfs, 0.01));
    }

    [Fact]
    public void Add_DigitalSilence_IsMinusInfinityOnceDefinedNeverNaN()
    {
        var blocks = Meter(48_000, 2, 0, new float[48_000 * 2 * 4]);

        Assert.All(blocks, b => Assert.Equal(double.NegativeInfinity, b.TruePeakDbtp));
        Assert.All(blocks, b => Assert.Equal(double.NegativeInfinity, b.SamplePeakDbfs));
        Assert.All(blocks.Take(3), b => Assert.True(double.IsNaN(b.MomentaryLufs)));
        Assert.All(blocks.Skip(3), b => Assert.Equal(double.NegativeInfinity, b.MomentaryLufs));
        Assert.All(blocks.Skip(29), b => Assert.Equal(double.NegativeInfinity, b.ShortTermLufs));
    }

    [Fact]
    public void Add_SilenceAfterATone_FallsToMinusInfinityOnceTheFiltersHaveRungOut()
    {
        var tone = TestSignals.Sine(48_000, 2, 1, 40, 0.9);
        var signal = new float[tone.Length + (48_000 * 2 * 10)];
        tone.CopyTo(signal, 0);

        var last = Meter(48_000, 2, 0, signal)[^1];

        Assert.Equal(new LoudnessBlock(double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity), last);
    }

    [Fact]
    public void Add_OneNaNSample_SpoilsOnlyTheWindowsThatHoldIt()
    {
        var signal = TestSignals.Sine(48_000, 2, 8, 997, 0.1);
        signal[48_000 * 2] = float.NaN;

        var blocks = Meter(48_000, 2, 0, signal);

        Assert.True(double.IsNaN(blocks[10].MomentaryLufs));
        Assert.True(double.IsNaN(blocks[30].ShortTermLufs));
        Assert.Equal(-20.0, blocks[15].MomentaryLufs, 0.05);
        Assert.Equal(-20.0, blocks[^1].ShortTermLufs, 0.05);
    }

    [Fact]
    public void Add_FullScaleSquareWave_SamplePeakIsZeroDbfsAndTruePeakAboveIt()
    {
        var blocks = Meter(48_000, 2, 0, TestSignals.Square(48_000, 2, 1, periodFrames: 48));

        Assert.All(blocks, b => Assert.Equal(0.0, b.SamplePeakDbfs));
        Assert.All(blocks, b => Assert.True(b.TruePeakDbtp > 0.5, $"true peak {b.TruePeakDbtp} dBTP"));
    }

    /// <summary>
    /// A full-scale 12 kHz sine (a quarter of the sample rate) sampled 45 degrees off its peaks: every sample is
    /// ±0.707 (-3.01 dBFS), while the waveform reaches 1.0 halfway between samples, where the Annex 2 filter's
    /// phase 2 interpolates. What a sample-peak meter misses and the true peak must find.
    /// </summary>
    [Fact]
    public void Add_QuarterRateSineSampledBetweenItsPeaks_TruePeakFindsThePeaksTheSamplesMiss()
    {
        var blocks = Meter(48_000, 1, 0, TestSignals.Sine(48_000, 1, 1, 12_000, 1.0, phase: Math.PI / 4));

        Assert.All(blocks, b => Assert.Equal(-3.01, b.SamplePeakDbfs, 0.01));
        Assert.All(blocks.Skip(1), b => Assert.Equal(0.0, b.TruePeakDbtp, 0.2));
    }

    [Theory]
    [InlineData(1, 0u)]
    [InlineData(2, 0u)]
    [InlineData(3, 0u)]
    [InlineData(6, 0x60Fu)]
    [InlineData(8, 0x63Fu)]
    public void Add_SpansOfRandomLengths_GiveTheSameBlocksAsOneSpan(int channels, uint mask)
    {
        var signal = TestSignals.NoiseAndTone(48_000, channels, 5, 0.5, seed: 11);
        var whole = Meter(48_000, channels, mask, signal);

        var meter = new LoudnessMeter(48_000, channels, mask);
        var pieces = new List<LoudnessBlock>();
        var random = new Random(42);
        for (var at = 0; at < signal.Length;)
        {
            // Mostly small pieces (fewer frames than a vector has lanes, even none), some longer than a block.
            var frames = random.Next(3) == 0 ? random.Next(0, 7000) : random.Next(0, 20);
            var length = Math.Min(frames * channels, signal.Length - at);
            meter.Add(signal.AsSpan(at, length), pieces);
            at += length;
        }

        Assert.Equal(50, whole.Count);
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Add_SteadyState_AllocatesNothing()
    {
        var signal = TestSignals.NoiseAndTone(48_000, 2, 2, 0.5, seed: 3);
        var meter = new LoudnessMeter(48_000, 2, 0);
        var blocks = new List<LoudnessBlock>(100);
        meter.Add(signal.AsSpan(0, 2048), blocks);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var at = 2048; at + 2048 <= signal.Length; at += 2048)
        {
            meter.Add(signal.AsSpan(at, 2048), blocks);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(19, blocks.Count);
    }

    [Theory]
    [InlineData(6, 0x3Fu, new[] { 1, 1, 1, 0, 1.41, 1.41 })]
    [InlineData(6, 0x60Fu, new[] { 1, 1, 1, 0, 1.41, 1.41 })]
    [InlineData(6, 0u, new[] { 1, 1, 1, 0, 1.41, 1.41 })]
    [InlineData(8, 0x63Fu, new[] { 1, 1, 1, 0, 1.41, 1.41, 1.41, 1.41 })]
    [InlineData(2, 0x3u, new[] { 1.0, 1 })]
    [InlineData(1, 0x4u, new[] { 1.0 })]
    [InlineData(3, 0u, new[] { 1.0, 1, 1 })]
    [InlineData(4, 0x3u, new[] { 1.0, 1, 1, 1 })]
    [InlineData(2, 0x30u, new[] { 1.41, 1.41 })]
    public void Weights_ChannelMask_GivesBs1770Weights(int channels, uint mask, double[] expected)
    {
        Assert.Equal(expected, LoudnessMeter.Weights(channels, mask));
    }

    [Fact]
    public void Add_FivePointOne_SurroundWeighs1_41AndTheLfeNothingButItsPeakCounts()
    {
        const uint fivePointOne = 0x60F;
        var front = Meter(48_000, 6, fivePointOne, TestSignals.Sine(48_000, 6, 1, 997, 0.5, c => c == 0))[^1];
        var surround = Meter(48_000, 6, fivePointOne, TestSignals.Sine(48_000, 6, 1, 997, 0.5, c => c == 4))[^1];
        var lfe = Meter(48_000, 6, fivePointOne, TestSignals.Sine(48_000, 6, 1, 60, 0.5, c => c == 3))[^1];

        Assert.Equal(10 * Math.Log10(1.41), surround.MomentaryLufs - front.MomentaryLufs, 0.001);
        Assert.Equal(double.NegativeInfinity, lfe.MomentaryLufs);
        Assert.Equal(-6.02, lfe.SamplePeakDbfs, 0.01);
        Assert.Equal(-6.02, lfe.TruePeakDbtp, 0.05);
    }

    [Theory]
    [InlineData(7_999, 2, "sampleRate")]
    [InlineData(384_001, 2, "sampleRate")]
    [InlineData(0, 2, "sampleRate")]
    [InlineData(48_000, 0, "channels")]
    [InlineData(48_000, 9, "channels")]
    public void Constructor_OutOfRange_ThrowsNamingTheParameter(int rate, int channels, string parameter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LoudnessMeter(rate, channels, 0));

        Assert.Equal(parameter, ex.ParamName);
    }

    [Theory]
    [InlineData(8_000, 1)]
    [InlineData(384_000, 8)]
    public void Constructor_Limits_AreAccepted(int rate, int channels)
    {
        var meter = new LoudnessMeter(rate, channels, 0);

        Assert.Equal((rate, channels), (meter.SampleRate, meter.Channels));
    }

    [Fact]
    public void Add_PartFrame_Throws()
    {
        var meter = new LoudnessMeter(48_000, 2, 0);

        var ex = Assert.Throws<ArgumentException>(() => meter.Add(new float[3], []));

        Assert.Equal("interleaved", ex.ParamName);
    }

    private static List<LoudnessBlock> Meter(int rate, int channels, uint mask, float[] signal)
    {
        var meter = new LoudnessMeter(rate, channels, mask);
        var blocks = new List<LoudnessBlock>();
        meter.Add(signal, blocks);
        return blocks;
    }
}
