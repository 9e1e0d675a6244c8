using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Tests.Vision;

public sealed class FramingAnalyzerTests
{
    private static FramingResult Measure(StudioScene current)
    {
        var reference = new StudioScene().ToReference();
        var analyzer = new FramingAnalyzer(reference.Y, StudioScene.Width, StudioScene.Height, StudioScene.Layout);
        return analyzer.Analyze(current.ToFrame().Y);
    }

    [Theory]
    [InlineData(0.05, 0)]
    [InlineData(-0.05, 0)]
    [InlineData(0, 0.05)]
    [InlineData(0.03, -0.04)]
    public void Analyze_ShiftedCamera_MeasuresShiftWithinOnePercent(double sx, double sy)
    {
        var r = Measure(new StudioScene { ShiftX = sx, ShiftY = sy });

        Assert.True(r.Matched);
        Assert.InRange(r.ShiftXPercent, (sx * 100) - 1, (sx * 100) + 1);
        Assert.InRange(r.ShiftYPercent, (sy * 100) - 1, (sy * 100) + 1);
        Assert.InRange(r.Scale, 0.98, 1.02);
        Assert.True(r.Similarity > 0.8, $"similarity {r.Similarity}");
    }

    [Fact]
    public void Analyze_FivePercentRightShift_BackdropCoverageIsNinetyFive()
    {
        var r = Measure(new StudioScene { ShiftX = 0.05 });

        Assert.InRange(r.BackdropCoveragePercent, 94, 96);
        Assert.InRange(r.DeskCoveragePercent, 94, 96);
    }

    [Fact]
    public void Analyze_TenPercentZoom_MeasuresScale()
    {
        var r = Measure(new StudioScene { Zoom = 1.10 });

        Assert.True(r.Matched);
        Assert.InRange(r.Scale, 1.08, 1.12);
        Assert.InRange(r.ShiftXPercent, -1, 1);
        Assert.InRange(r.ShiftYPercent, -1, 1);
        Assert.True(r.CoveragePercent < 95, $"coverage {r.CoveragePercent}");
    }

    [Fact]
    public void Analyze_HostMovesInSeat_IsNotDrift()
    {
        var r = Measure(new StudioScene { HostX = 0.58 });

        Assert.True(r.Matched);
        Assert.InRange(r.ShiftXPercent, -0.3, 0.3);
        Assert.InRange(r.ShiftYPercent, -0.3, 0.3);
        Assert.InRange(r.Scale, 0.995, 1.005);
        Assert.True(r.CoveragePercent > 99.5);
    }

    [Fact]
    public void Analyze_SameScene_IsSharpAsReference()
    {
        var r = Measure(new StudioScene());

        Assert.InRange(r.SharpnessRatio, 0.99, 1.01);
        Assert.True(r.Similarity > 0.99);
    }

    [Fact]
    public void Coverage_RegionPushedHalfOut_ReadsFifty()
    {
        var region = new NormRect(0.8, 0.2, 0.2, 0.3);

        Assert.Equal(50, FramingResult.Coverage(region, 1, 10, 0), 6);
        Assert.Equal(100, FramingResult.Coverage(region, 1, -10, 0), 6);
    }

    [Fact]
    public void Analyze_RegionAtEdgeShiftedByItsHalfWidth_ReadsAboutFifty()
    {
        var layout = StudioScene.Layout with { Desk = new NormRect(0.9, 0.6, 0.1, 0.2) };
        var reference = new StudioScene().ToReference();
        var analyzer = new FramingAnalyzer(reference.Y, StudioScene.Width, StudioScene.Height, layout);

        var r = analyzer.Analyze(new StudioScene { ShiftX = 0.05 }.ToFrame().Y);

        Assert.InRange(r.DeskCoveragePercent, 40, 60);
    }

    [Fact]
    public void Analyze_DifferentRoom_IsNotRecognised()
    {
        var r = Measure(new StudioScene { Seed = 7 });

        Assert.True(!r.Matched || r.Similarity < 0.5, $"matched {r.Matched} similarity {r.Similarity}");
        Assert.True(double.IsFinite(r.Similarity) && double.IsFinite(r.SharpnessRatio));
    }
}
