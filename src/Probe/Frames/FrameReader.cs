namespace LiveRoom.Probe.Frames;

/// <summary>
/// Reads raw yuv420p frames of a fixed size from a stream (the reader's picture pipe) into one reusable
/// <see cref="Frame"/> and hands each to the consumers. A consumer that throws is counted, never fatal.
/// </summary>
public sealed class FrameReader(int width, int height, IReadOnlyList<IFrameConsumer> consumers, TimeProvider time)
{
    private readonly Frame _frame = new(width, height);
    private long _count;
    private long _consumerErrors;

    /// <summary>Frames read so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Consumer calls that threw.</summary>
    public long ConsumerErrors => Interlocked.Read(ref _consumerErrors);

    /// <summary>Reads until the stream ends (a partial last frame is dropped). Blocking: run it on its own thread.</summary>
    public void Run(System.IO.Stream source)
    {
        var raw = _frame.Raw;
        while (true)
        {
            // Straight into the frame's buffer: consumers run on this thread, so it is free again when they return.
            var read = source.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false);
            if (read < raw.Length)
            {
                return;
            }

            Deliver();
        }
    }

    /// <summary>Hands a frame written into <paramref name="raw"/> to the consumers (for tests and other sources).</summary>
    internal void Deliver(ReadOnlySpan<byte> raw)
    {
        raw.CopyTo(_frame.Raw);
        Deliver();
    }

    private void Deliver()
    {
        _frame.Timestamp = time.GetUtcNow();
        _frame.Sequence = Interlocked.Increment(ref _count);
        foreach (var consumer in consumers)
        {
            try
            {
                consumer.OnFrame(_frame);
            }
            catch (Exception)
            {
                // One bad frame never stops the reader (STYLE.md rule 11); the count shows it.
                Interlocked.Increment(ref _consumerErrors);
            }
        }
    }
}
