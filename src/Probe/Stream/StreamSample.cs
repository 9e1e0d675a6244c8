namespace LiveRoom.Probe.Stream;

/// <summary>One second's measurement of a room's stream (all rates measured from packet timestamps).</summary>
public sealed record StreamSample
{
    public required bool Up { get; init; }

    public int? Width { get; init; }

    /// <summary>Decoded height; a coded 1088 is reported as 1080.</summary>
    public int? Height { get; init; }

    public double? Fps { get; init; }

    public double? VideoBitsPerSecond { get; init; }

    public double? AudioBitsPerSecond { get; init; }

    public double? TotalBitsPerSecond { get; init; }

    /// <summary>Seconds between the last two keyframes.</summary>
    public double? KeyframeInterval { get; init; }

    public string? VideoCodec { get; init; }

    public string? AudioCodec { get; init; }

    /// <summary>Seconds since the stream came up (0 when down).</summary>
    public double UptimeSeconds { get; init; }
}
