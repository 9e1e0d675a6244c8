using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Frames;

namespace LiveRoom.Probe.Stream;

/// <summary>Settings of one room's stream monitor.</summary>
public sealed record StreamMonitorOptions
{
    /// <summary>What ffmpeg reads: <c>srt://0.0.0.0:9000?mode=listener</c>, <c>rtmp://...</c>, <c>udp://...</c> or a file.</summary>
    public required string SourceUrl { get; init; }

    /// <summary>The ffmpeg program; default <c>ffmpeg</c> on PATH.</summary>
    public string Ffmpeg { get; init; } = ProbeDefaults.Ffmpeg;

    /// <summary>Period of <c>stream</c> points; default 1 s.</summary>
    public TimeSpan SampleInterval { get; init; } = ProbeDefaults.SampleInterval;

    /// <summary>Sliding window (stream time) for fps and bitrates; default 2 s.</summary>
    public TimeSpan Window { get; init; } = ProbeDefaults.MeasureWindow;

    /// <summary>No packet for this long: the stream is down and the reader is restarted; default 5 s.</summary>
    public TimeSpan StallTimeout { get; init; } = ProbeDefaults.StallTimeout;

    public TimeSpan RestartMinDelay { get; init; } = ProbeDefaults.RestartMinDelay;

    public TimeSpan RestartMaxDelay { get; init; } = ProbeDefaults.RestartMaxDelay;

    /// <summary>Decode keyframes and audio for the picture and audio checks (false: packet statistics only); default true.</summary>
    public bool Decode { get; init; } = true;

    /// <summary>How pictures are sampled (640x360 keyframes by default).</summary>
    public FrameSampling Frames { get; init; } = new();

    /// <summary>What the encoder should send.</summary>
    public ExpectedProfile Profile { get; init; } = new();

    public ProbeThresholds Thresholds { get; init; } = new();
}
