using LiveRoom.Dashboard.Series;

namespace LiveRoom.Dashboard.Tests.Series;

/// <summary>Range checks ("Bad input": future, reversed, 5-year) and the bucket width chosen from range and pixels.</summary>
public sealed class SeriesRangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-3600, -7200, "reversed")]
    [InlineData(-3600, -3600, "reversed or empty")]
    [InlineData(60, 3600, "starts in the future")]
    [InlineData(-5 * 365 * 86400, 0, "at most 400 days")]
    public void TryCreate_BadRange_RefusesNamingWhy(int fromSeconds, int toSeconds, string reason)
    {
        var range = SeriesRange.TryCreate(Now.AddSeconds(fromSeconds), Now.AddSeconds(toSeconds), 1000, Now, out var error);

        Assert.Null(range);
        Assert.Contains(reason, error?.English, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_MissingBound_Refuses()
    {
        Assert.Null(SeriesRange.TryCreate(null, Now, 1000, Now, out var error));
        Assert.Contains("required", error?.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100_000)]
    public void TryCreate_WidthOutOfRange_Refuses(int width) =>
        Assert.Null(SeriesRange.TryCreate(Now.AddHours(-1), Now, width, Now, out _));

    [Fact]
    public void TryCreate_EndInFuture_CutAtNow()
    {
        var range = SeriesRange.TryCreate(Now.AddHours(-1), Now.AddHours(1), 1000, Now, out _);

        Assert.Equal(Now, range!.To);
    }

    [Theory]
    [InlineData(15 * 60, 1000, 1)]
    [InlineData(3600, 1000, 5)]
    [InlineData(86400, 1000, 120)]
    [InlineData(30 * 86400, 1000, 3600)]
    [InlineData(90 * 86400, 1000, 3 * 3600)]
    [InlineData(90 * 86400, 300, 12 * 3600)]
    public void IntervalFor_RangeAndPixels_NiceStepNoFinerThanAPixel(int rangeSeconds, int pixels, int expectedSeconds)
    {
        var interval = SeriesRange.IntervalFor(TimeSpan.FromSeconds(rangeSeconds), pixels);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), interval);
        Assert.True(rangeSeconds / interval.TotalSeconds <= pixels);
    }
}
