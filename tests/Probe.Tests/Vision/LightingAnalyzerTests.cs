using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Tests.Vision;

public sealed class LightingAnalyzerTests
{
    private static LightingResult Measure(StudioScene scene)
    {
        var f = scene.ToFrame();
        return new LightingAnalyzer().Analyze(f.Y, f.U, f.V, StudioScene.Width, StudioScene.Height, StudioScene.Layout);
    }

    [Fact]
    public void Analyze_LitStudio_SeatAboveBackgroundAndNeutral()
    {
        var r = Measure(new StudioScene());

        Assert.True(r.SeatToBackgroundRatio > 1.2, $"ratio {r.SeatToBackgroundRatio}");
        Assert.True(r.Cast.Magnitude < 1, $"cast {r.Cast.Magnitude}");
        Assert.Equal("neutral", r.Cast.Describe());
        Assert.True(r.Overall.P2 <= r.Overall.P50 && r.Overall.P50 <= r.Overall.P98);
        Assert.Equal(r.Overall.P98 - r.Overall.P2, r.Overall.Contrast);
    }

    [Fact]
    public void Analyze_DimmedSeat_LowersRatio()
    {
        var lit = Measure(new StudioScene());
        var dimmed = Measure(new StudioScene { SeatLight = 0.6 });

        Assert.True(dimmed.SeatToBackgroundRatio < lit.SeatToBackgroundRatio - 0.3, $"{dimmed.SeatToBackgroundRatio} vs {lit.SeatToBackgroundRatio}");
    }

    [Fact]
    public void Analyze_BlueTint_ReadsTooBlue()
    {
        var r = Measure(new StudioScene { TintCb = 14, TintCr = -2 });

        Assert.Equal("too blue", r.Cast.BlueYellowWord);
        Assert.Null(r.Cast.GreenMagentaWord);
        Assert.InRange(r.Cast.Magnitude, 13, 15);
    }

    [Theory]
    [InlineData(-12, 2, "too yellow", null)]
    [InlineData(-8, -10, null, "too green")]
    [InlineData(8, 10, null, "too magenta")]
    public void ColourCast_From_NamesTheTechniciansAxis(double cb, double cr, string? blueYellow, string? greenMagenta)
    {
        var cast = ColourCast.From(cb, cr);

        Assert.Equal(blueYellow, cast.BlueYellowWord);
        Assert.Equal(greenMagenta, cast.GreenMagentaWord);
    }

    [Fact]
    public void Analyze_Overexposed_CountsClippedAndPercentiles()
    {
        var r = Measure(new StudioScene { Gain = 3 });

        Assert.True(r.Overall.ClippedPercent > 20, $"clipped {r.Overall.ClippedPercent}");
        Assert.Equal(255, r.Overall.P98);
    }

    [Fact]
    public void FromHistogram_Empty_IsZeroNotNaN()
    {
        var s = LumaStats.FromHistogram(new int[256]);

        Assert.Equal(0, s.Mean);
        Assert.Equal(0, s.StdDev);
        Assert.Equal(0, s.Pixels);
    }
}
