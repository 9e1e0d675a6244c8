using LiveRoom.Probe.Stream;

namespace LiveRoom.Probe.Tests.Stream;

public sealed class FramecrcParserTests
{
    [Fact]
    public void TryApplyHeader_RecordedHeader_DescribesVideoAndAudio()
    {
        var streams = new Dictionary<int, StreamInfo>();

        foreach (var line in RecordedOutput.Lines(RecordedOutput.P1080At30).TakeWhile(l => l.StartsWith('#')))
        {
            FramecrcParser.TryApplyHeader(line, streams);
        }

        var video = streams[0];
        var audio = streams[1];
        Assert.Equal(("video", "h264", 1920, 1080), (video.MediaType, video.Codec, video.Width, video.Height));
        Assert.Equal(1.0 / 90_000, video.TimeBase);
        Assert.Equal(("audio", "aac", 48_000), (audio.MediaType, audio.Codec, audio.SampleRate));
    }

    [Fact]
    public void TryParsePacket_KeyframeWithSideData_IsKey()
    {
        Assert.True(FramecrcParser.TryParsePacket("0,       1920,       1920,     3003,    94658, 0xf509c990, S=1,        1", out var p));

        Assert.Equal(new FramecrcPacket(0, 1920, 1920, 3003, 94658, Key: true), p);
    }

    [Fact]
    public void TryParsePacket_FlagsWithoutKeyBit_IsNotKey_NegativeDtsParses()
    {
        Assert.True(FramecrcParser.TryParsePacket("0,      -1510,       9290,     3600,    13824, 0xfa3ed8a4, F=0x0, S=1,        1", out var p));

        Assert.Equal(new FramecrcPacket(0, -1510, 9290, 3600, 13824, Key: false), p);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#tb 0: 1/90000")]
    [InlineData("garbage")]
    [InlineData("0, x, 1, 2, 3, 0x0")]
    [InlineData("0, 1, 2, 3")]
    [InlineData("-1, 1, 2, 3, 4, 0x0")]
    public void TryParsePacket_NotAPacket_ReturnsFalse(string line) =>
        Assert.False(FramecrcParser.TryParsePacket(line, out _));

    [Fact]
    public void TryParsePacket_EveryRecordedLine_ParsesAndCountsMatchTheStreams()
    {
        var lines = RecordedOutput.Lines(RecordedOutput.P720At25BFrames);
        var packets = lines.Where(l => !l.StartsWith('#')).Select(l => FramecrcParser.TryParsePacket(l, out var p) ? p : (FramecrcPacket?)null).ToList();

        Assert.All(packets, p => Assert.NotNull(p));
        Assert.Equal(100, packets.Count(p => p!.Value.StreamIndex == 0));
        Assert.Equal(2, packets.Count(p => p!.Value.StreamIndex == 0 && p.Value.Key));
    }
}
