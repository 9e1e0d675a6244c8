using System.Globalization;
using System.Text.Json;

namespace LiveRoom.Dashboard.Influx;

/// <summary>Reads one InfluxDB JSON value leniently: numbers, booleans, and numbers or booleans written as strings.</summary>
internal static class InfluxValue
{
    public static double? AsDouble(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static bool? AsBoolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.String when bool.TryParse(value.GetString(), out var b) => b,
        _ => null,
    };

    /// <summary>A time column queried with <c>epoch=ms</c>: milliseconds since the Unix epoch.</summary>
    public static DateTimeOffset? AsEpochMilliseconds(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
