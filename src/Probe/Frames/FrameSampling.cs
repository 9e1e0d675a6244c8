using System.Globalization;

namespace LiveRoom.Probe.Frames;

/// <summary>
/// How the room's one ffmpeg reader samples pictures for the picture and vision checks: keyframes only
/// (<c>-skip_frame:v nokey</c>: the decoder skips every other frame, so this costs a fraction of a full decode), at
/// most <see cref="MaxPerSecond"/> of them, scaled to <see cref="Width"/> x <see cref="Height"/> as raw yuv420p.
/// </summary>
public sealed record FrameSampling
{
    /// <summary>Default 640.</summary>
    public int Width { get; init; } = ProbeDefaults.FrameWidth;

    /// <summary>Default 360.</summary>
    public int Height { get; init; } = ProbeDefaults.FrameHeight;

    /// <summary>Upper bound on sampled frames per second (all-intra sources); default 2.</summary>
    public double MaxPerSecond { get; init; } = ProbeDefaults.FramesPerSecondMax;

    /// <summary>The ffmpeg filter chain of the picture output.</summary>
    public string Filter() => string.Create(
        CultureInfo.InvariantCulture,
        $"select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,{1 / MaxPerSecond:0.###})',scale={Width}:{Height}:flags=fast_bilinear,format=yuv420p");
}
