using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe;

/// <summary>Every documented default of the edge worker's options, in one place (STYLE.md rule 6).</summary>
public static class ProbeDefaults
{
    /// <summary>Outbox bound: 1 GiB (issue 3 item 3).</summary>
    public const long OutboxMaxBytes = 1L << 30;

    /// <summary>Smallest accepted outbox bound: 1 MiB.</summary>
    public const long OutboxMinBytes = 1L << 20;

    /// <summary>Size at which the outbox starts a new segment file: 16 MiB (capped at a quarter of the bound).</summary>
    public const long OutboxSegmentBytes = 16L << 20;

    /// <summary>
    /// Outbox directory of a <see cref="Outbox.OutboxOptions"/> made directly. The worker's default is
    /// <c>{StateDirectory or working directory}/outbox/{site}-{room}</c>, so rooms never share one.
    /// </summary>
    public const string OutboxDirectory = "outbox";

    /// <summary>
    /// Directory of the schedule copy and the checklist run records: <c>{StateDirectory or working directory}/lifecycle/{site}-{room}</c>
    /// (<see cref="Lifecycle.LifecycleOptions.Directory"/>).
    /// </summary>
    public const string LifecycleDirectory = Lifecycle.LifecycleDefaults.Directory;

    /// <summary>Group commit period of the outbox: at most this much of the newest points is at risk on power loss.</summary>
    public static readonly TimeSpan OutboxSyncInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long a published point may stay unacknowledged before it is sent again.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(30);

    /// <summary>Live publishing period: one message per second with that second's points.</summary>
    public static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(1);

    /// <summary>Largest batch payload: the contract's 64 KiB limit less a 4 KiB margin.</summary>
    public const int MaxBatchBytes = Limits.MaxPayloadBytes - 4096;

    /// <summary>Most points in one batch.</summary>
    public const int MaxBatchPoints = 500;

    /// <summary>QoS 1 publishes awaiting PUBACK at once.</summary>
    public const int MaxPublishesInFlight = 16;

    public const int MqttPort = 1883;

    /// <summary>Stream metrics period.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    /// <summary>Sliding window (stream time) for fps and bitrate.</summary>
    public static readonly TimeSpan MeasureWindow = TimeSpan.FromSeconds(2);

    /// <summary>No packet for this long means the stream is down.</summary>
    public static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>First delay before restarting the reader after the source stopped; doubles up to <see cref="RestartMaxDelay"/>.</summary>
    public static readonly TimeSpan RestartMinDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan RestartMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>The ffmpeg program (a name on PATH or a full path).</summary>
    public const string Ffmpeg = "ffmpeg";

    /// <summary>Sampled frame size for the picture and vision checks: 640x360.</summary>
    public const int FrameWidth = 640;

    public const int FrameHeight = 360;

    /// <summary>At most this many sampled (key)frames per second.</summary>
    public const double FramesPerSecondMax = 2;

    /// <summary>Expected profile: 1920x1080 at 30 fps, 4 to 20 Mbit/s (seed clauses 6.2.2.1, 6.2.1.1).</summary>
    public const int ProfileWidth = 1920;

    public const int ProfileHeight = 1080;

    public const double ProfileFps = 30;

    public const double ProfileMinBitrate = 4_000_000;

    public const double ProfileMaxBitrate = 20_000_000;

    /// <summary>The measured frame rate may be this far below the profile's (29.97 passes 30).</summary>
    public const double FpsTolerance = 0.5;

    /// <summary>Momentary loudness below -60 LUFS is silence.</summary>
    public const double SilenceFloorLufs = -60;

    public static readonly TimeSpan SilenceAfter = TimeSpan.FromSeconds(10);

    /// <summary>A sample peak at or above -0.1 dBFS is clipping.</summary>
    public const double ClipLevelDbfs = -0.1;

    /// <summary>A frame whose 98th luma percentile is at or below 32 is black.</summary>
    public const int BlackLumaP98 = 32;

    public static readonly TimeSpan BlackAfter = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan FreezeAfter = TimeSpan.FromSeconds(6);

    /// <summary>Non-key video packets under 2% of a keyframe's size mean the encoder sees no motion.</summary>
    public const double StaticPacketRatio = 0.02;

    /// <summary>A 16x16 block changed when its mean absolute luma difference exceeds 4 levels.</summary>
    public const double StillBlockDelta = 4;

    /// <summary>A frame is unchanged when at most 0.2% of its blocks changed.</summary>
    public const double StillShare = 0.002;

    /// <summary>Default duration of <c>liveroom-probe check</c>.</summary>
    public static readonly TimeSpan CheckDuration = TimeSpan.FromSeconds(20);
}
