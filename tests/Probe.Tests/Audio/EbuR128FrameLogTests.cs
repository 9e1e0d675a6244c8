using LiveRoom.Probe.Audio;

namespace LiveRoom.Probe.Tests.Audio;

/// <summary>Lines as ffmpeg 5.1's <c>ebur128=peak=true:framelog=info</c> prints them (prefix removed).</summary>
public sealed class EbuR128FrameLogTests
{
    [Fact]
    public void TryParse_MonoLine_ReadsLoudnessAndBothPeaks()
    {
        const string Line = "t: 0.599979   TARGET:-23 LUFS    M: -10.8 S:-120.7     I:  -9.7 LUFS       LRA:   0.0 LU  FTPK: -20.0 dBFS  TPK:  -4.4 dBFS";

        Assert.True(EbuR128FrameLog.TryParse(Line, out var frame));

        Assert.Equal(-10.8, frame.Momentary);
        Assert.Equal(-120.7, frame.ShortTerm);
        Assert.Equal(-20.0, frame.FrameTruePeak);
        Assert.Equal(-4.4, frame.RunningTruePeak);
    }

    [Fact]
    public void TryParse_StereoLine_TakesTheHigherChannel()
    {
        const string Line = "t: 12.1       TARGET:-23 LUFS    M: -23.0 S: -23.1     I: -23.0 LUFS       LRA:   1.2 LU  FTPK:  -7.5  -3.2 dBFS  TPK:  -2.0  -1.1 dBFS";

        Assert.True(EbuR128FrameLog.TryParse(Line, out var frame));

        Assert.Equal(-3.2, frame.FrameTruePeak);
        Assert.Equal(-1.1, frame.RunningTruePeak);
    }

    [Fact]
    public void TryParse_DigitalSilence_IsMinusInfinity()
    {
        const string Line = "t: 3.1        TARGET:-23 LUFS    M:-120.7 S:-120.7     I: -70.0 LUFS       LRA:   0.0 LU  FTPK:  -inf dBFS  TPK:  -inf dBFS";

        Assert.True(EbuR128FrameLog.TryParse(Line, out var frame));

        Assert.Equal(double.NegativeInfinity, frame.FrameTruePeak);
        Assert.Equal(-120.7, frame.Momentary);
    }

    [Theory]
    [InlineData("Summary:")]
    [InlineData("t: 0.1 TARGET:-23 LUFS M: abc S: -23 FTPK: -1 dBFS")]
    [InlineData("t: 0.1 TARGET:-23 LUFS M: -23 S: -23 I: -23 LUFS")]
    public void TryParse_OtherOrBrokenLines_ReturnsFalse(string line)
    {
        Assert.False(EbuR128FrameLog.TryParse(line, out _));
    }
}
