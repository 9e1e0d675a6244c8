namespace LiveRoom.Probe.Frames;

/// <summary>
/// One sampled picture as planar YUV 4:2:0 (8 bit, video range as the encoder sent it): a reusable buffer that
/// <see cref="FrameReader"/> fills and hands to every <see cref="IFrameConsumer"/>. Consumers must copy what they keep:
/// the buffer is refilled with the next frame after they return.
/// </summary>
public sealed class Frame
{
    private readonly byte[] _buffer;

    public Frame(int width, int height)
    {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "frame dimensions must be positive and even (4:2:0 chroma)");
        }

        Width = width;
        Height = height;
        _buffer = new byte[ByteCount(width, height)];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>When the frame arrived (by the reader's <see cref="TimeProvider"/>): keyframes of a live source arrive as they are sent.</summary>
    public DateTimeOffset Timestamp { get; internal set; }

    /// <summary>Frames delivered by this reader so far, counting from 1.</summary>
    public long Sequence { get; internal set; }

    /// <summary>Luma plane, <see cref="Width"/> x <see cref="Height"/> bytes, rows without padding.</summary>
    public ReadOnlySpan<byte> Y => _buffer.AsSpan(0, Width * Height);

    /// <summary>Cb plane, half width and half height.</summary>
    public ReadOnlySpan<byte> U => _buffer.AsSpan(Width * Height, Width * Height / 4);

    /// <summary>Cr plane, half width and half height.</summary>
    public ReadOnlySpan<byte> V => _buffer.AsSpan(Width * Height * 5 / 4, Width * Height / 4);

    /// <summary>The whole frame as ffmpeg's <c>-pix_fmt yuv420p -f rawvideo</c> writes it.</summary>
    internal byte[] Raw => _buffer;

    /// <summary>Bytes of one yuv420p frame of this size.</summary>
    public static int ByteCount(int width, int height) => width * height * 3 / 2;
}
