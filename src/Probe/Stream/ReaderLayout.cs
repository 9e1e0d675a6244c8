namespace LiveRoom.Probe.Stream;

/// <summary>Which decoding outputs the reader has: pictures (needs a video track) and audio loudness (needs audio).</summary>
internal readonly record struct ReaderLayout(bool Pictures, bool Audio)
{
    public static readonly ReaderLayout Full = new(true, true);

    public static readonly ReaderLayout PacketsOnly = new(false, false);

    public bool Decodes => Pictures || Audio;
}
