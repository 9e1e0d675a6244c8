using System.Text.Json;

namespace LiveRoom.Probe.Obs;

/// <summary>responseData → records; a missing or mistyped field is a <see cref="FormatException"/>.</summary>
internal static class ObsResponses
{
    public static ObsStreamStatus StreamStatus(JsonElement d) => new(
        Bool(d, "outputActive"),
        Bool(d, "outputReconnecting"),
        d.TryGetProperty("outputCongestion", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0,
        Long(d, "outputBytes"),
        Long(d, "outputSkippedFrames"),
        Long(d, "outputTotalFrames"),
        d.TryGetProperty("outputDuration", out var du) && du.ValueKind == JsonValueKind.Number ? du.GetDouble() : 0);

    public static ObsStats Stats(JsonElement d) => new(
        Number(d, "cpuUsage"),
        Number(d, "memoryUsage"),
        Number(d, "availableDiskSpace"),
        Number(d, "activeFps"),
        d.TryGetProperty("averageFrameRenderTime", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : 0,
        Long(d, "renderSkippedFrames"),
        Long(d, "renderTotalFrames"),
        Long(d, "outputSkippedFrames"),
        Long(d, "outputTotalFrames"));

    public static ObsVideoSettings VideoSettings(JsonElement d) => new(
        (int)Long(d, "baseWidth"),
        (int)Long(d, "baseHeight"),
        (int)Long(d, "outputWidth"),
        (int)Long(d, "outputHeight"),
        Long(d, "fpsNumerator"),
        Long(d, "fpsDenominator"));

    private static bool Bool(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw Missing(name);

    private static double Number(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw Missing(name);

    // OBS serialises counters as JSON numbers that may carry a fraction part (nlohmann::json of a double).
    private static long Long(JsonElement d, string name) => (long)Math.Round(Number(d, name));

    private static FormatException Missing(string name) => new($"responseData has no valid '{name}'");
}
