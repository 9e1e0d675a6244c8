using System.Text.Json;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Browser;

/// <summary>
/// The wall tile's 5-minute bitrate sparkline (wwwroot/spark.js) breaks where a 10 s bucket never arrived, as the room
/// page's charts do, instead of drawing a line across the time nothing was stored.
/// </summary>
public sealed class SparklineTests
{
    private static readonly string Module = DashboardScript.ModuleUrl("spark.js");

    private const long Bucket = 10_000;
    private const long Start = 1_790_000_000_000; // a whole 10 s

    [Fact]
    public async Task UnbrokenFiveMinutes_IsOneSegmentOfThirtyPoints()
    {
        var line = await DrawAsync(Enumerable.Range(0, 30).Select(i => (Start + i * Bucket, (double?)(4_000_000 + i * 10_000))));

        Assert.Equal(1, line.Segments);
        Assert.Equal(30, line.Points);
        Assert.Single(line.D.Split('M', StringSplitOptions.RemoveEmptyEntries));
        // The newest bucket at the right edge, the highest value at the top, the lowest at the bottom.
        Assert.StartsWith("M0,19 ", line.D, StringComparison.Ordinal);
        Assert.EndsWith(" L29,1", line.D, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingBuckets_BreakTheLineThere()
    {
        // Buckets 0–9, nothing for 10–19 (the edge was gone), 20–29.
        var buckets = Enumerable.Range(0, 30).Where(i => i < 10 || i >= 20).Select(i => (Start + i * Bucket, (double?)5_000_000));

        var line = await DrawAsync(buckets);

        Assert.Equal(2, line.Segments);
        var segments = line.D.Split('M', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("M" + segments[1], "M20,10 " + string.Join(" ", Enumerable.Range(21, 9).Select(x => $"L{x},10")));
        Assert.EndsWith("L9,10 ", "M" + segments[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoneBucket_IsADashNotNothing()
    {
        var line = await DrawAsync([(Start, 3_000_000), (Start + 5 * Bucket, 4_000_000), (Start + 6 * Bucket, 5_000_000)]);

        Assert.Equal(2, line.Segments);
        Assert.StartsWith("M23,19 h0.4 M28,", line.D, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABucketWithoutBitrate_IsDrawnAtTheBottomNotBroken()
    {
        // The stream was down but the edge reported: the line drops to the floor instead of breaking.
        var line = await DrawAsync([(Start, 3_000_000), (Start + Bucket, null), (Start + 2 * Bucket, 5_000_000)]);

        Assert.Equal(1, line.Segments);
        Assert.Equal("M27,19 L28,20 L29,1", line.D);
        Assert.Equal(3_000_000, line.Min);
        Assert.Equal(5_000_000, line.Max);
    }

    [Fact]
    public async Task LiveValues_ReplaceTheirBucketAndOldBucketsLeave()
    {
        var json = await DashboardScript.RunAsync($$"""
            import { addSparkValue } from "{{Module}}";
            const spark = [];
            for (let i = 0; i < 40; i++) addSparkValue(spark, {{Start}} + i * {{Bucket}} + 1000, i);
            addSparkValue(spark, {{Start}} + 39 * {{Bucket}} + 9000, 100);
            addSparkValue(spark, {{Start}} + 2 * {{Bucket}}, 7); // older than the window: not added
            process.stdout.write(JSON.stringify(spark));
            """);
        var spark = JsonSerializer.Deserialize<Point[]>(json, JsonSerializerOptions.Web)!;

        Assert.Equal(30, spark.Length);
        Assert.Equal(Start + 10 * Bucket, spark[0].T);
        Assert.Equal(100, spark[^1].V);
        Assert.Equal(Start + 39 * Bucket, spark[^1].T);
    }

    private static async Task<Line> DrawAsync(IEnumerable<(long Time, double? Bitrate)> buckets)
    {
        var spark = JsonSerializer.Serialize(buckets.Select(b => new Point(b.Time, b.Bitrate)), JsonSerializerOptions.Web);
        var json = await DashboardScript.RunAsync($$"""
            import { sparkPath } from "{{Module}}";
            process.stdout.write(JSON.stringify(sparkPath({{spark}})));
            """);
        return JsonSerializer.Deserialize<Line>(json, JsonSerializerOptions.Web)!;
    }

    private sealed record Point(long T, double? V);

    private sealed record Line(string D, int Segments, int Points, double? Min, double? Max);
}
