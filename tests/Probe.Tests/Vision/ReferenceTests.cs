using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Tests.Vision;

public sealed class ReferenceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "liveroom-vision-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void SaveLoad_RoundTrips()
    {
        var reference = new StudioScene().ToReference();

        ReferenceStore.Save(reference, _dir);
        var loaded = ReferenceStore.Load(_dir, out var problem);

        Assert.Null(problem);
        Assert.NotNull(loaded);
        Assert.Equal(reference.Layout, loaded.Layout);
        Assert.Equal(reference.Y, loaded.Y);
        Assert.Equal(reference.V, loaded.V);
        Assert.Equal(reference.CapturedAt, loaded.CapturedAt);
        Assert.Equal("test", loaded.CapturedBy);
    }

    [Fact]
    public void Load_EmptyDirectory_NotCommissioned()
    {
        var loaded = ReferenceStore.Load(_dir, out var problem);

        Assert.Null(loaded);
        Assert.StartsWith("not commissioned", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedPlanes_Refused()
    {
        ReferenceStore.Save(new StudioScene().ToReference(), _dir);
        File.WriteAllBytes(Path.Combine(_dir, ReferenceStore.PlanesFile), new byte[100]);

        Assert.Null(ReferenceStore.Load(_dir, out var problem));
        Assert.Contains("do not hold", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyzer_ReferenceOfDoubleResolution_IsRescaledAndMatches()
    {
        var small = new StudioScene().ToReference();
        var big = new Reference(
            1280, 720, PlaneMathResize(small.Y, 640, 360, 1280, 720), PlaneMathResize(small.U, 320, 180, 640, 360), PlaneMathResize(small.V, 320, 180, 640, 360),
            small.Layout, 2, "test", DateTimeOffset.UnixEpoch);

        var analyzer = new VisionAnalyzer(StudioScene.Width, StudioScene.Height, big);
        var f = new StudioScene { ShiftX = 0.05 }.ToFrame();
        var r = analyzer.Analyze(f.Y, f.U, f.V);

        Assert.True(r.Commissioned);
        Assert.InRange(r.Framing!.Value.ShiftXPercent, 4, 6);
    }

    [Fact]
    public void Analyzer_ReferenceOfOtherAspect_RefusedWithReason()
    {
        var y = new byte[640 * 480];
        var uv = new byte[640 * 480 / 4];
        var reference = new Reference(640, 480, y, uv, uv, StudioScene.Layout, 1, "test", DateTimeOffset.UnixEpoch);

        var analyzer = new VisionAnalyzer(StudioScene.Width, StudioScene.Height, reference);
        var f = new StudioScene().ToFrame();
        var r = analyzer.Analyze(f.Y, f.U, f.V);

        Assert.False(r.Commissioned);
        Assert.Null(r.Framing);
        Assert.Contains("aspect", r.ReferenceProblem, StringComparison.Ordinal);
    }

    private static byte[] PlaneMathResize(byte[] src, int sw, int sh, int dw, int dh) => PlaneMath.Resize(src, sw, sh, dw, dh);
}
