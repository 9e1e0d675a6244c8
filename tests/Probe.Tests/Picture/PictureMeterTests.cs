using LiveRoom.Probe.Frames;
using LiveRoom.Probe.Picture;
using LiveRoom.Probe.Vision.Analysis;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Picture;

public sealed class PictureMeterTests
{
    private const int W = 64;
    private const int H = 36;
    private readonly FakeTimeProvider _time = new();

    private PictureMeter Meter() => new(_time, blackLumaP98: 32, blockDelta: 4, stillShare: 0.002);

    private Frame Make(Func<int, int, byte> luma)
    {
        var raw = new byte[Frame.ByteCount(W, H)];
        for (var y = 0; y < H; y++)
        {
            for (var x = 0; x < W; x++)
            {
                raw[(y * W) + x] = luma(x, y);
            }
        }

        raw.AsSpan(W * H).Fill(128);
        var frame = new Frame(W, H);
        raw.CopyTo(frame.Raw, 0);
        return frame;
    }

    [Fact]
    public void OnFrame_VideoRangeBlack_IsBlackAfterItLasts()
    {
        var meter = Meter();
        meter.OnFrame(Make((_, _) => 16));
        _time.Advance(TimeSpan.FromSeconds(3));
        meter.OnFrame(Make((_, _) => 16));

        var sample = meter.Sample();

        Assert.Equal(16, sample.LumaMean);
        Assert.Equal(16, sample.LumaP98);
        Assert.Equal(3, sample.BlackSeconds, 3);
    }

    [Fact]
    public void OnFrame_DarkSceneWithHighlights_IsNotBlack()
    {
        var meter = Meter();
        meter.OnFrame(Make((x, _) => (byte)(x < 8 ? 200 : 20)));

        Assert.Equal(0, meter.Sample().BlackSeconds);
    }

    [Fact]
    public void OnFrame_SamePictureRepeatedly_CountsStillComparisonsAndTime()
    {
        var meter = Meter();
        for (var i = 0; i < 4; i++)
        {
            meter.OnFrame(Make((x, y) => (byte)(x * 3 + y)));
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        var sample = meter.Sample();

        Assert.Equal(3, sample.StillComparisons);
        Assert.Equal(8, sample.StillSeconds, 3);
        Assert.Equal(0, sample.ChangedShare);
    }

    [Fact]
    public void OnFrame_SmallRegionMoves_IsNotStill()
    {
        var meter = Meter();
        meter.OnFrame(Make((x, y) => (byte)(x * 3 + y)));
        meter.OnFrame(Make((x, y) => (byte)(x < 16 && y < 16 ? 250 : x * 3 + y)));

        var sample = meter.Sample();

        Assert.Equal(0, sample.StillComparisons);
        Assert.True(sample.ChangedShare > 0);
    }

    [Fact]
    public void ChangedShare_NoiseBelowDelta_CountsNoBlock()
    {
        var a = new byte[W * H];
        var b = new byte[W * H];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = 100;
            b[i] = (byte)(100 + (i % 3) - 1);
        }

        Assert.Equal(0, PictureMeter.ChangedShare(b, a, W, H, 4));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(15)]
    [InlineData(33)]
    [InlineData(640)]
    public void SumAbsDiff_EqualsThePlainSum(int length)
    {
        var random = new Random(length);
        var a = new byte[length];
        var b = new byte[length];
        random.NextBytes(a);
        random.NextBytes(b);
        a[0] = 0;
        b[0] = 255;

        long plain = 0;
        for (var i = 0; i < length; i++)
        {
            plain += Math.Abs(a[i] - b[i]);
        }

        Assert.Equal(plain, PlaneMath.SumAbsDiff(a, b));
    }

    [Fact]
    public void OnFrame_RandomPicture_MeanAndP98AreThoseOfEveryPixel()
    {
        var meter = new PictureMeter(_time, blackLumaP98: 32, blockDelta: 4, stillShare: 0.002);
        var frame = new Frame(14, 6);
        var random = new Random(14);
        var y = frame.Raw.AsSpan(0, 84);
        random.NextBytes(y);
        var sorted = y.ToArray().Order().ToArray();

        meter.OnFrame(frame);

        var sample = meter.Sample();
        Assert.Equal(sorted.Average(v => (double)v), sample.LumaMean!.Value, 9);
        Assert.Equal(sorted[(int)(84 * 0.98) - 1], sample.LumaP98);
    }
}
