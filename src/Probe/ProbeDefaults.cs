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
}
