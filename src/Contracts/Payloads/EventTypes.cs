namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// Values of the <c>type</c> tag and field of <see cref="MetricKind.Event"/> points. Conditions with a duration (black,
/// frozen, silence…) are reported twice: when they start (<see cref="EventFields.Active"/> true) and when they
/// recover (false, with <see cref="EventFields.Duration"/>).
/// </summary>
public static class EventTypes
{
    public const string StreamStarted = "stream_started";
    public const string StreamStopped = "stream_stopped";

    /// <summary>No packets for the stall timeout; the reader is restarted.</summary>
    public const string StreamStalled = "stream_stalled";

    /// <summary>The reader could not open or read the source (unreachable, bad scheme, garbage, ffmpeg missing or crashing).</summary>
    public const string SourceError = "source_error";

    /// <summary>Codec, profile or resolution changed while the stream was up.</summary>
    public const string ProfileChanged = "profile_changed";

    public const string NoVideo = "no_video";
    public const string BelowResolution = "below_resolution";
    public const string AboveResolution = "above_resolution";
    public const string BelowFrameRate = "below_frame_rate";
    public const string BitrateLow = "bitrate_low";
    public const string BitrateHigh = "bitrate_high";

    /// <summary>Frames missing from the timestamps (late or dropped) within the window.</summary>
    public const string DroppedFrames = "dropped_frames";

    /// <summary>Video frame intervals irregular (variable frame rate, or holes) within the window.</summary>
    public const string VariableFrameRate = "variable_frame_rate";

    public const string AudioMissing = "audio_missing";
    public const string Silence = "silence";
    public const string Clipping = "clipping";
    public const string Black = "black";
    public const string Frozen = "frozen";

    /// <summary>The edge's outbox was full and dropped unacknowledged points (field <c>dropped</c>).</summary>
    public const string OutboxOverflow = "outbox_overflow";
}
