using System.Globalization;

namespace LiveRoom.Dashboard.Influx;

/// <summary>Pieces of InfluxQL the dashboard's queries share.</summary>
internal static class InfluxQl
{
    /// <summary>The WHERE condition for [from, to), in epoch milliseconds.</summary>
    public static string TimeRange(DateTimeOffset from, DateTimeOffset to) => string.Create(
        CultureInfo.InvariantCulture,
        $"time >= {from.ToUnixTimeMilliseconds()}ms AND time < {to.ToUnixTimeMilliseconds()}ms");

    /// <summary><paramref name="t"/> cut down to a whole <paramref name="unit"/> (minute, hour) in UTC.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset t, TimeSpan unit) => new(t.UtcTicks - (t.UtcTicks % unit.Ticks), TimeSpan.Zero);
}
