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

    /// <summary>Video codec profile from ffmpeg's input dump (e.g. High).</summary>
    public string? VideoProfile { get; init; }

    /// <summary>The stream has a video track.</summary>
    public bool HasVideo { get; init; }

    /// <summary>The stream has an audio track.</summary>
    public bool HasAudio { get; init; }

    /// <summary>Video frames missing from the timestamps (late or dropped) within the window.</summary>
    public int? DroppedFrames { get; init; }

    /// <summary>Timestamp gaps within the window.</summary>
    public int? TimestampGaps { get; init; }

    /// <summary>Video frame intervals more than 10 % off the window's median interval (variable frame rate).</summary>
    public int? IrregularIntervals { get; init; }

    /// <summary>Video intervals within the window (what <see cref="IrregularIntervals"/> counts against).</summary>
    public int? Intervals { get; init; }

    /// <summary>
    /// Share of the window's video packets that have its commonest size: near 1 when a CBR encoder pads every frame
    /// with filler to the same size, so packet sizes say nothing about what changed.
    /// </summary>
    public double? SameSizeShare { get; init; }

    /// <summary>Mean size of non-key video packets within the window, bytes (what changed between frames).</summary>
    public double? InterFrameBytes { get; init; }

    /// <summary>Size of the latest video keyframe, bytes.</summary>
    public int? KeyframeBytes { get; init; }

    /// <summary>Seconds since the stream came up (0 when down).</summary>
    public double UptimeSeconds { get; init; }
}
