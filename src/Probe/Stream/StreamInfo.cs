namespace LiveRoom.Probe.Stream;

/// <summary>What framecrc's header says about one output stream.</summary>
internal sealed class StreamInfo
{
    public string MediaType { get; set; } = string.Empty;

    public string Codec { get; set; } = string.Empty;

    public int Width { get; set; }

    public int Height { get; set; }

    public int SampleRate { get; set; }

    /// <summary>Seconds per timestamp tick (the <c>#tb</c> fraction), 1/90000 for MPEG-TS.</summary>
    public double TimeBase { get; set; } = 1.0 / 90_000;

    public bool IsVideo => string.Equals(MediaType, "video", StringComparison.Ordinal);

    public bool IsAudio => string.Equals(MediaType, "audio", StringComparison.Ordinal);
}
