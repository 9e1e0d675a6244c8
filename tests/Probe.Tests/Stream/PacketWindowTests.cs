using LiveRoom.Probe.Stream;

namespace LiveRoom.Probe.Tests.Stream;

public sealed class PacketWindowTests
{
    [Fact]
    public void Add_MissingTimestamps_CountsGapsAndMissingFrames()
    {
        var window = new PacketWindow(2);
        const double d = 1.0 / 30;
        var frames = Enumerable.Range(0, 60).Where(i => i is not (10 or 11 or 12) and not 40).ToList();
        foreach (var i in frames)
        {
            window.Add(i * d, 1000, i % 30 == 0, d);
        }

        Assert.Equal(2, window.Gaps);
        Assert.Equal(4, window.MissingFrames);
    }

    [Fact]
    public void Add_SteadyStream_HasNoGapsAndReportsInterFrameSize()
    {
        var window = new PacketWindow(2);
        for (var i = 0; i < 60; i++)
        {
            window.Add(i / 25.0, i % 25 == 0 ? 50_000 : 2_000, i % 25 == 0, 1 / 25.0);
        }

        Assert.Equal(0, window.Gaps);
        Assert.Equal(2_000, window.MeanInterBytes);
        Assert.Equal(50_000, window.LastKeyframeBytes);
        Assert.Equal(25.0, window.Rate()!.Value, 3);
    }

    [Fact]
    public void IrregularIntervals_ConstantRate_IsZero()
    {
        var window = new PacketWindow(2);
        for (var i = 0; i < 60; i++)
        {
            // 29.97 fps in 90 kHz ticks: 3003 each.
            window.Add(i * 3003 / 90_000.0, 2_000, i % 30 == 0, 3003 / 90_000.0);
        }

        Assert.Equal(0, window.IrregularIntervals());
    }

    [Fact]
    public void IrregularIntervals_MillisecondTimestamps_AreRegular()
    {
        var window = new PacketWindow(2);
        for (var i = 0; i < 60; i++)
        {
            // RTMP/FLV: 30 fps rounded to whole milliseconds (33, 33, 34, ...).
            window.Add(Math.Round(i * 1000 / 30.0) / 1000, 2_000, i % 30 == 0, 0);
        }

        Assert.Equal(0, window.IrregularIntervals());
    }

    [Fact]
    public void IrregularIntervals_JitteredFrameTimes_CountsTheOffIntervals()
    {
        var window = new PacketWindow(10);
        var t = 0.0;
        for (var i = 0; i < 30; i++)
        {
            // Every third interval 50 ms instead of 33.3 ms.
            t += i % 3 == 2 ? 0.05 : 1 / 30.0;
            window.Add(t, 2_000, false, 0);
        }

        Assert.Equal(10, window.IrregularIntervals());
    }

    [Fact]
    public void SameSizeShare_FillerPaddedFrames_IsOneAndVariedSizesAreLow()
    {
        var padded = new PacketWindow(2);
        var varied = new PacketWindow(2);
        for (var i = 0; i < 50; i++)
        {
            padded.Add(i / 25.0, 5006, i % 12 == 0, 1 / 25.0);
            varied.Add(i / 25.0, 1_000 + (i * 37 % 500), i % 12 == 0, 1 / 25.0);
        }

        Assert.Equal(1.0, padded.SameSizeShare);
        Assert.True(varied.SameSizeShare < 0.1, $"varied sizes: {varied.SameSizeShare}");
    }

    [Fact]
    public void SameSizeShare_OldPacketsLeaveTheWindow_ForgetsTheirSizes()
    {
        var window = new PacketWindow(1);
        for (var i = 0; i < 25; i++)
        {
            window.Add(i / 25.0, 5006, false, 1 / 25.0);
        }

        for (var i = 25; i < 100; i++)
        {
            window.Add(i / 25.0, 100 + i, false, 1 / 25.0);
        }

        Assert.True(window.SameSizeShare < 0.1, $"share {window.SameSizeShare}");
    }
}
