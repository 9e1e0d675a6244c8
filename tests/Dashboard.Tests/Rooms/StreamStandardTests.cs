using LiveRoom.Dashboard.Rooms;

namespace LiveRoom.Dashboard.Tests.Rooms;

/// <summary>Seed clause 6.2.2.1: 1080p at 30 fps or better; 29.97 counts as 30.</summary>
public sealed class StreamStandardTests
{
    [Theory]
    [InlineData(30.0, true)]
    [InlineData(29.97, true)]
    [InlineData(29.95, true)]
    [InlineData(60.0, true)]
    [InlineData(29.5, false)]
    [InlineData(25.0, false)]
    [InlineData(null, false)]
    public void MeetsFrameRate_Fps_AsSpecified(double? fps, bool expected) =>
        Assert.Equal(expected, StreamStandard.MeetsFrameRate(fps));

    [Theory]
    [InlineData(1920.0, 1080.0, true)]
    [InlineData(3840.0, 2160.0, true)]
    [InlineData(1280.0, 720.0, false)]
    [InlineData(1920.0, 720.0, false)]
    [InlineData(null, 1080.0, false)]
    public void MeetsResolution_Size_AsSpecified(double? width, double? height, bool expected) =>
        Assert.Equal(expected, StreamStandard.MeetsResolution(width, height));
}
