using LiveRoom.Probe.Vision;

namespace LiveRoom.Probe.Tests.Vision;

/// <summary>The slow-oscillation (beat) estimate the keyframe sampling allows.</summary>
public sealed class LumaOscillationTests
{
    [Fact]
    public void Add_ZigZagBeat_HighAlternationAndSwing()
    {
        var o = new LumaOscillation();
        for (var i = 0; i < 16; i++)
        {
            o.Add(i % 2 == 0 ? 120 : 100);
        }

        Assert.Equal(1.0, o.Alternation!.Value, 6);
        Assert.InRange(o.SwingPercent!.Value, 20, 22);
    }

    [Fact]
    public void Add_SteadyOrFading_NoAlternation()
    {
        var steady = new LumaOscillation();
        var fade = new LumaOscillation();
        for (var i = 0; i < 16; i++)
        {
            steady.Add(110);
            fade.Add(150 - (i * 2));
        }

        Assert.Equal(0, steady.SwingPercent!.Value, 6);
        Assert.Equal(0, fade.Alternation!.Value, 6);
    }

    [Fact]
    public void Add_FewOrNonFiniteSamples_NoValue()
    {
        var o = new LumaOscillation();
        o.Add(100);
        o.Add(double.NaN);
        o.Add(101);

        Assert.Null(o.SwingPercent);
    }
}
