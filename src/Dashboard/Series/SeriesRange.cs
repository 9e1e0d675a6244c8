using LiveRoom.Contracts.Text;

namespace LiveRoom.Dashboard.Series;

/// <summary>
/// A checked time range and the bucket width for a chart of <c>width</c> pixels: range / width rounded up to a
/// "nice" step (at least 1 s), so a panel never gets more points than it has pixels (issue 8 item 3).
/// </summary>
internal sealed record SeriesRange(DateTimeOffset From, DateTimeOffset To, TimeSpan Interval)
{
    /// <summary>Longest range a chart may ask for: 400 days (retention is 90 days by default, 60 at least).</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    public const int MinWidth = 50;
    public const int MaxWidth = 4000;
    public const int DefaultWidth = 1000;

    private static readonly TimeSpan[] Steps =
    [
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(s => TimeSpan.FromSeconds(s)),
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(m => TimeSpan.FromMinutes(m)),
        .. new[] { 1, 2, 3, 6, 12 }.Select(h => TimeSpan.FromHours(h)),
        .. new[] { 1, 2, 7 }.Select(d => TimeSpan.FromDays(d)),
    ];

    /// <summary>Checks a requested range; the error names the problem (a refusal is a result).</summary>
    public static SeriesRange? TryCreate(DateTimeOffset? from, DateTimeOffset? to, int? width, DateTimeOffset now, out LocalText? error)
    {
        error = null;
        if (from is null || to is null)
        {
            error = new(
                "from and to are required (ISO 8601, e.g. 2026-11-22T06:00:00Z, or Unix milliseconds)",
                "from 和 to 必填（ISO 8601，例如 2026-11-22T06:00:00Z，或 Unix 毫秒）");
            return null;
        }

        if (to <= from)
        {
            error = new(
                $"the range is reversed or empty: from {from:O} is not before to {to:O}",
                $"时间范围颠倒或为空：开始 {from:O} 不早于结束 {to:O}");
            return null;
        }

        if (from >= now)
        {
            error = new($"the range starts in the future ({from:O}; now is {now:O})", $"时间范围从未来开始（{from:O}；现在是 {now:O}）");
            return null;
        }

        if (to - from > MaxRange)
        {
            var days = (to.Value - from.Value).TotalDays;
            error = new($"the range is {days:0} days; at most {MaxRange.TotalDays:0} days are allowed", $"时间范围为 {days:0} 天，最多 {MaxRange.TotalDays:0} 天");
            return null;
        }

        var pixels = width ?? DefaultWidth;
        if (pixels is < MinWidth or > MaxWidth)
        {
            error = new($"width is {pixels}; allowed is {MinWidth} to {MaxWidth} pixels", $"宽度为 {pixels}，允许 {MinWidth} 到 {MaxWidth} 像素");
            return null;
        }

        // A range running into the future is cut at now: nothing can be there yet.
        var end = to.Value > now ? now : to.Value;
        return new SeriesRange(from.Value, end, IntervalFor(end - from.Value, pixels));
    }

    public static TimeSpan IntervalFor(TimeSpan range, int pixels)
    {
        var raw = range / pixels;
        foreach (var step in Steps)
        {
            if (step >= raw)
            {
                return step;
            }
        }

        return TimeSpan.FromDays(Math.Ceiling(raw.TotalDays / 7) * 7);
    }
}
