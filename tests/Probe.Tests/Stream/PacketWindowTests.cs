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
}
