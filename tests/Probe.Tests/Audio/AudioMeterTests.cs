using LiveRoom.Probe.Audio;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Audio;

public sealed class AudioMeterTests
{
    private readonly FakeTimeProvider _time = new();

    private AudioMeter Meter() => new(_time, silenceFloorLufs: -60, clipLevelDbfs: -0.1, absentAfter: TimeSpan.FromSeconds(5));

    private static void Frame(AudioMeter meter, double m, double s, double truePeakLinear, string peakDb)
    {
        meter.OnLine("frame:7    pts:33600   pts_time:0.7");
        meter.OnLine($"lavfi.r128.M={m.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        meter.OnLine($"lavfi.r128.S={s.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        meter.OnLine("lavfi.r128.I=-23.000");
        meter.OnLine($"lavfi.r128.true_peak={truePeakLinear.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        meter.OnLine($"lavfi.astats.Overall.Peak_level={peakDb}");
    }

    [Fact]
    public void Sample_NoFrames_ReportsAbsent()
    {
        Assert.False(Meter().Sample().Present);
    }

    [Fact]
    public void Sample_EbuR128Lines_ReportsLoudnessTruePeakInDbAndPeak()
    {
        var meter = Meter();
        Frame(meter, -23.1, -22.9, 0.5, "-9.5");
        Frame(meter, -23.0, -23.0, 0.5, "-7.25");

        var sample = meter.Sample();

        Assert.True(sample.Present);
        Assert.Equal(-23.0, sample.MomentaryLufs);
        Assert.Equal(-23.0, sample.ShortTermLufs);
        Assert.Equal(-6.02, sample.TruePeakDbtp!.Value, 2);
        Assert.Equal(-7.25, sample.PeakDbfs);
        Assert.False(sample.Clipping);
        Assert.Equal(0, sample.SilentSeconds);
    }

    [Fact]
    public void Sample_PeakAtFullScale_ReportsClippingForThatIntervalOnly()
    {
        var meter = Meter();
        Frame(meter, -10, -10, 1.2, "0.000000");
        Assert.True(meter.Sample().Clipping);

        Frame(meter, -10, -10, 1.2, "-6.0");
        Assert.False(meter.Sample().Clipping);
    }

    [Fact]
    public void Sample_BelowFloor_CountsSilentSecondsUntilSoundReturns()
    {
        var meter = Meter();
        Frame(meter, -120.691, -120.691, 0, "-inf");
        _time.Advance(TimeSpan.FromSeconds(4));
        meter.OnLine("frame:9    pts:43200   pts_time:0.9");
        meter.OnLine("lavfi.r128.M=nan");

        Assert.Equal(4, meter.Sample().SilentSeconds, 3);

        Frame(meter, -30, -40, 0.1, "-20");
        Assert.Equal(0, meter.Sample().SilentSeconds);
    }

    [Fact]
    public void Sample_FramesStopped_ReportsAbsentAfterTimeout()
    {
        var meter = Meter();
        Frame(meter, -23, -23, 0.5, "-6");
        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.False(meter.Sample().Present);
    }

    [Fact]
    public void OnLine_GarbageValue_IsCountedNotThrown()
    {
        var meter = Meter();
        meter.OnLine("lavfi.r128.M=abc");

        Assert.Equal(1, meter.BadLines);
    }

    [Fact]
    public void Sample_FrameLogLines_ReportsIntervalTruePeakPerSampleAndRunningPeak()
    {
        var meter = Meter();
        meter.OnLine("t: 0.1        TARGET:-23 LUFS    M: -12.0 S: -13.0     I: -12.0 LUFS       LRA:   0.0 LU  FTPK:  -1.0 dBFS  TPK:  -1.0 dBFS");
        meter.OnLine("t: 0.2        TARGET:-23 LUFS    M: -12.5 S: -13.1     I: -12.2 LUFS       LRA:   0.0 LU  FTPK:  -3.0 dBFS  TPK:  -1.0 dBFS");

        var first = meter.Sample();
        meter.OnLine("t: 1.1        TARGET:-23 LUFS    M: -30.0 S: -25.0     I: -14.0 LUFS       LRA:   2.0 LU  FTPK: -20.0 dBFS  TPK:  -1.0 dBFS");
        var second = meter.Sample();
        var third = meter.Sample();

        Assert.True(first.Present);
        Assert.Equal(-1.0, first.IntervalTruePeakDbtp);
        Assert.Equal(-12.5, first.MomentaryLufs);
        Assert.Equal(-13.1, first.ShortTermLufs);
        Assert.Equal(-20.0, second.IntervalTruePeakDbtp);
        Assert.Equal(-1.0, second.TruePeakDbtp);
        Assert.Null(third.IntervalTruePeakDbtp);
        Assert.Equal(0, meter.BadLines);
    }

    [Fact]
    public void OnLine_BrokenFrameLogLine_IsCountedNotFatal()
    {
        var meter = Meter();

        meter.OnLine("t: 0.1 TARGET:-23 LUFS M: x");

        Assert.Equal(1, meter.BadLines);
        Assert.False(meter.Sample().Present);
    }
}

