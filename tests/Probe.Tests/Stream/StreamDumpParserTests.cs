using LiveRoom.Probe.Stream;

namespace LiveRoom.Probe.Tests.Stream;

public sealed class StreamDumpParserTests
{
    // Recorded from ffmpeg 5.1 -v info on an MPEG-TS made by libx264 and the native AAC encoder.
    private static readonly string[] Dump =
    [
        "Input #0, mpegts, from '/tmp/exp/big.ts':",
        "  Duration: 00:00:20.02, start: 1.445333, bitrate: 4942 kb/s",
        "  Program 1 ",
        "  Stream #0:0[0x100]: Video: h264 (High) ([27][0][0][0] / 0x001B), yuv420p(progressive), 1920x1080 [SAR 1:1 DAR 16:9], 30 fps, 30 tbr, 90k tbn",
        "  Stream #0:1[0x101]: Audio: aac (LC) ([15][0][0][0] / 0x000F), 48000 Hz, mono, fltp, 129 kb/s",
        "Stream mapping:",
        "  Stream #0:0 -> #0:0 (copy)",
        "Output #0, framecrc, to 'pipe:1':",
        "  Stream #0:0: Video: h264 (Main), yuv420p, 1280x720",
    ];

    [Fact]
    public void OnLine_InputDump_ReadsProfilesAndTracksOfTheInputOnly()
    {
        var parser = new StreamDumpParser();
        foreach (var line in Dump)
        {
            parser.OnLine(line);
        }

        Assert.Equal("High", parser.VideoProfile);
        Assert.Equal("LC", parser.AudioProfile);
        Assert.True(parser.InputKnown);
        Assert.True(parser.InputHasVideo);
        Assert.True(parser.InputHasAudio);
    }

    [Fact]
    public void OnLine_AudioOnlyThenMapError_KnowsThereIsNoVideo()
    {
        var parser = new StreamDumpParser();
        parser.OnLine("Input #0, mpegts, from 'a.ts':");
        parser.OnLine("  Stream #0:0[0x100]: Audio: mp2 ([3][0][0][0] / 0x0003), 48000 Hz, stereo, fltp, 384 kb/s");
        parser.OnLine("Stream map '0:v:0' matches no streams.");

        Assert.True(parser.InputKnown);
        Assert.False(parser.InputHasVideo);
        Assert.True(parser.InputHasAudio);
        Assert.Null(parser.AudioProfile);
    }
}
