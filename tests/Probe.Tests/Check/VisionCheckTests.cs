using LiveRoom.Probe.Check;
using LiveRoom.Probe.Tests.Vision;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Analysis;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Check;

/// <summary>The check report's framing and lighting section (issue 5 item 6).</summary>
public sealed class VisionCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new("vision-check");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Evaluate_NoReference_NotCommissionedWarningsNeverAPass()
    {
        var items = Run(new StudioScene(), commissioned: false);

        Assert.Equal(CheckStatus.Warn, items["vision_reference"].Status);
        Assert.StartsWith("not commissioned", items["vision_reference"].Measured, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Warn, items["framing"].Status);
        Assert.StartsWith("not checked", items["framing"].Measured, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Pass, items["exposure"].Status);
        Assert.False(items.ContainsKey("seat_lighting"));
    }

    [Fact]
    public void Evaluate_ReferenceScene_EveryItemPasses()
    {
        var items = Run(new StudioScene(), commissioned: true);

        Assert.All(items.Values, i => Assert.True(i.Status == CheckStatus.Pass, $"{i.Item}: {i.Measured}"));
        Assert.StartsWith("version 2 by tech", items["vision_reference"].Measured, StringComparison.Ordinal);
        Assert.Contains("coverage 100", items["framing"].Measured, StringComparison.Ordinal);
        Assert.Contains("cannot show 100/120 Hz mains flicker", items["flicker"].Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ShiftedAndDarkened_FramingAndExposureFail()
    {
        var items = Run(new StudioScene { ShiftX = 0.05, Gain = 0.25 }, commissioned: true);

        Assert.Equal(CheckStatus.Fail, items["framing"].Status);
        Assert.Equal(CheckStatus.Fail, items["exposure"].Status);
        Assert.Contains("mean luma", items["exposure"].Measured, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Warn, items["light_change"].Status);
    }

    private Dictionary<string, CheckItem> Run(StudioScene scene, bool commissioned)
    {
        if (commissioned)
        {
            var r = new StudioScene().ToReference();
            ReferenceStore.Save(new Reference(r.Width, r.Height, r.Y, r.U, r.V, r.Layout, 2, "tech", r.CapturedAt), _dir.Path);
        }

        var check = new VisionCheck(_dir.Path, new VisionOptions());
        var t = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < 5; i++)
        {
            check.OnFrame(EvidenceRecorderTests.FrameAt(t.AddSeconds(i), scene));
        }

        return check.Evaluate().ToDictionary(i => i.Item, StringComparer.Ordinal);
    }
}
