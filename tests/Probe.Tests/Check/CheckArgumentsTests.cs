using LiveRoom.Probe.Check;

namespace LiveRoom.Probe.Tests.Check;

public sealed class CheckArgumentsTests
{
    [Theory]
    [InlineData("20s", 20)]
    [InlineData("20", 20)]
    [InlineData("1.5m", 90)]
    [InlineData("00:00:45", 45)]
    public void TryParseDuration_Forms_ReadSeconds(string text, double seconds)
    {
        Assert.True(CheckArguments.TryParseDuration(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Fact]
    public void Parse_AllOptions_AreRead()
    {
        var args = CheckArguments.Parse(["--source", "srt://127.0.0.1:9000", "--duration", "30s", "--json"], out var error);

        Assert.Null(error);
        Assert.Equal(new CheckArguments("srt://127.0.0.1:9000", TimeSpan.FromSeconds(30), true, "ffmpeg"), args);
    }

    [Theory]
    [InlineData("--duration", "20s")]
    [InlineData("--source", "x", "--duration", "0s")]
    [InlineData("--source", "x", "--frobnicate")]
    public void Parse_WrongArguments_ExplainsWhy(params string[] args)
    {
        Assert.Null(CheckArguments.Parse(args, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
