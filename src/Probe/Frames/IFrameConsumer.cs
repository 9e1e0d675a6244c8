namespace LiveRoom.Probe.Frames;

/// <summary>Something that looks at sampled frames (picture checks here; lighting and framing in the vision checks).</summary>
public interface IFrameConsumer
{
    /// <summary>Called on the reader's thread for every frame; the frame is reused after the call returns.</summary>
    void OnFrame(Frame frame);
}
