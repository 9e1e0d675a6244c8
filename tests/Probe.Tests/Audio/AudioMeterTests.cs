using LiveRoom.Probe.Audio;
using LiveRoom.Probe.Audio.Loudness;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Audio;

public sealed class AudioMeterTests
{
    private readonly FakeTimeProvider _time = new();

    private AudioMeter Meter() => new(_time, silenceFloorLufs: -60, clipLevelDbfs: -0.1, absentAfter: TimeSpan.FromSeconds(5));

    [Fact]
    public void Sample_NoBlocks_ReportsAbsent()
    {
        Assert.False(Meter().Sample().Present);
    }

    [Fact]
    public void Sample_Blocks_ReportsLatestLoudnessAndHighestPeaks()
    {
        var meter = Meter();
        meter.OnBlock(new LoudnessBlock(-23.1, -22.9, -6.02, -9.5));
        meter.OnBlock(new LoudnessBlock(-23.0, -23.0, -6.5, -7.25));

        var sample = meter.Sample();

        Assert.True(sample.Present);
        Assert.Equal(-23.0, sample.MomentaryLufs);
        Assert.Equal(-23.0, sample.ShortTermLufs);
        Assert.Equal(-6.02, sample.TruePeakDbtp);
        Assert.Equal(-6.02, sample.IntervalTruePeakDbtp);
        Assert.Equal(-7.25, sample.PeakDbfs);
        Assert.False(sample.Clipping);
        Assert.Equal(0, sample.SilentSeconds);
    }

    [Fact]
    public void Sample_LoudnessNotYetDefined_KeepsTheLastValueAndStillCountsThePeaks()
    {
        var meter = Meter();
        meter.OnBlock(new LoudnessBlock(double.NaN, double.NaN, -12, -12.5));

        var first = meter.Sample();
        meter.OnBlock(new LoudnessBlock(-20, double.NaN, -12, -12.5));
        var second = meter.Sample();

        Assert.True(first.Present);
        Assert.Null(first.MomentaryLufs);
        Assert.Null(first.ShortTermLufs);
        Assert.Equal(-12, first.IntervalTruePeakDbtp);
        Assert.Equal(-20, second.MomentaryLufs);
        Assert.Null(second.ShortTermLufs);
    }

    [Fact]
    public void Sample_PeakAtFullScale_ReportsClippingForThatIntervalOnly()
    {
        var meter = Meter();
        meter.OnBlock(new LoudnessBlock(-10, -10, 1.6, 0.0));
        Assert.True(meter.Sample().Clipping);

        meter.OnBlock(new LoudnessBlock(-10, -10, 1.6, -6.0));
        Assert.False(meter.Sample().Clipping);
    }

    [Fact]
    public void Sample_BelowFloor_CountsSilentSecondsUntilSoundReturns()
    {
        var meter = Meter();
        meter.OnBlock(new LoudnessBlock(double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity));
        _time.Advance(TimeSpan.FromSeconds(4));
        meter.OnBlock(new LoudnessBlock(-75, double.NegativeInfinity, -70, -70));

        var silent = meter.Sample();
        Assert.Equal(4, silent.SilentSeconds, 3);
        Assert.Null(silent.ShortTermLufs);

        meter.OnBlock(new LoudnessBlock(-30, -40, -20, -20));
        Assert.Equal(0, meter.Sample().SilentSeconds);
    }

    [Fact]
    public void Sample_BlocksStopped_ReportsAbsentAfterTimeout()
    {
        var meter = Meter();
        meter.OnBlock(new LoudnessBlock(-23, -23, -6, -6));
        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.False(meter.Sample().Present);
    }

    [Fact]
    public void Sample_EachInterval_HasItsOwnTruePeakWhileTheRunningPeakKeepsTheHighest()
    {
        var meter = Meter();
        meter.OnBlock(new LoudnessBlock(-12.0, -13.0, -1.0, -1.2));
        meter.OnBlock(new LoudnessBlock(-12.5, -13.1, -3.0, -3.2));

        var first = meter.Sample();
        meter.OnBlock(new LoudnessBlock(-30.0, -25.0, -20.0, -20.5));
        var second = meter.Sample();
        var third = meter.Sample();

        Assert.Equal(-1.0, first.IntervalTruePeakDbtp);
        Assert.Equal(-12.5, first.MomentaryLufs);
        Assert.Equal(-13.1, first.ShortTermLufs);
        Assert.Equal(-20.0, second.IntervalTruePeakDbtp);
        Assert.Equal(-1.0, second.TruePeakDbtp);
        Assert.Null(third.IntervalTruePeakDbtp);
        Assert.Null(third.PeakDbfs);
        Assert.Equal(-1.0, third.TruePeakDbtp);
    }
}
