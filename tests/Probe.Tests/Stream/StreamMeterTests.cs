using LiveRoom.Probe.Stream;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Stream;

public sealed class StreamMeterTests
{
    private readonly FakeTimeProvider _time = new();

    private StreamMeter Feed(string recording)
    {
        var meter = new StreamMeter(_time, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        foreach (var line in RecordedOutput.Lines(recording))
        {
            meter.OnLine(line);
        }

        return meter;
    }

    [Fact]
    public void Sample_1080p30_MeasuresResolutionFpsBitratesKeyframes()
    {
        var sample = Feed(RecordedOutput.P1080At30).Sample();

        Assert.True(sample.Up);
        Assert.Equal((1920, 1080), (sample.Width, sample.Height));
        Assert.Equal(30.0, sample.Fps!.Value, 3);
        Assert.Equal(2.0, sample.KeyframeInterval!.Value, 3);
        Assert.Equal(("h264", "aac"), (sample.VideoCodec, sample.AudioCodec));
        Assert.InRange(sample.AudioBitsPerSecond!.Value, 30_000, 200_000);
        Assert.InRange(sample.VideoBitsPerSecond!.Value, 1_000_000, 40_000_000);
        Assert.Equal(sample.VideoBitsPerSecond.Value + sample.AudioBitsPerSecond.Value, sample.TotalBitsPerSecond!.Value, 0);
    }

    [Fact]
    public void Sample_1080p2997_ReadsMeasuredRateNotRoundedUp()
    {
        var sample = Feed(RecordedOutput.P1080At2997).Sample();

        Assert.Equal(29.97, sample.Fps!.Value, 2);
        Assert.Equal(1080, sample.Height);
    }

    [Fact]
    public void Sample_720p25WithBFrames_UsesDecodeTimestamps()
    {
        var sample = Feed(RecordedOutput.P720At25BFrames).Sample();

        Assert.Equal(25.0, sample.Fps!.Value, 3);
        Assert.Equal((1280, 720), (sample.Width, sample.Height));
        Assert.Equal(2.0, sample.KeyframeInterval!.Value, 3);
    }

    [Fact]
    public void Sample_VideoBitrate_IsBytesOverSpanOfLastTwoSeconds()
    {
        var lines = RecordedOutput.Lines(RecordedOutput.P1080At30);
        var video = lines.Where(l => l.StartsWith("0,", StringComparison.Ordinal))
            .Select(l => FramecrcParser.TryParsePacket(l, out var p) ? p : default).ToList();
        var last = video[^1].Dts / 90_000.0;
        var inWindow = video.Where(p => p.Dts / 90_000.0 >= last - 2).ToList();
        var expected = inWindow.Skip(1).Sum(p => (double)p.Size) * 8 / ((inWindow[^1].Dts - inWindow[0].Dts) / 90_000.0);

        var sample = Feed(RecordedOutput.P1080At30).Sample();

        Assert.Equal(expected, sample.VideoBitsPerSecond!.Value, 0);
    }

    [Fact]
    public void Sample_NoPacketForStallTimeout_IsDown()
    {
        var meter = Feed(RecordedOutput.P1080At30);

        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.False(meter.Sample().Up);
        Assert.True(meter.IsStalled());
    }

    [Fact]
    public void Sample_BeforeAnyPacket_IsDownAndNotStalled()
    {
        var meter = new StreamMeter(_time, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        meter.OnLine("#media_type 0: video");

        Assert.Equal(new StreamSample { Up = false }, meter.Sample());
        Assert.False(meter.IsStalled());
    }

    [Fact]
    public void OnLine_GarbageLines_AreCountedAndIgnored()
    {
        var meter = Feed(RecordedOutput.P1080At30);

        meter.OnLine("\u0000\u0001 not framecrc");
        meter.OnLine("1,2");

        Assert.Equal(2, meter.BadLines);
        Assert.Equal(30.0, meter.Sample().Fps!.Value, 3);
    }

    [Theory]
    [InlineData(1088, 1080)]
    [InlineData(1080, 1080)]
    [InlineData(720, 720)]
    public void NormaliseHeight_CodedHeight_ReportsDisplayHeight(int coded, int expected) =>
        Assert.Equal(expected, StreamMeter.NormaliseHeight(coded));
}
