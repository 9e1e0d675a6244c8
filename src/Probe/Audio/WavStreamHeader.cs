using System.Buffers.Binary;

namespace LiveRoom.Probe.Audio;

/// <summary>
/// The header of the WAV stream the reader writes into its audio FIFO (ffmpeg's <c>wav</c> muxer with
/// <c>pcm_f32le</c>, on a pipe): <c>RIFF</c> with an unknown size, <c>WAVE</c>, a <c>fmt </c> chunk (IEEE float, or
/// <c>WAVE_FORMAT_EXTENSIBLE</c> with the float sub-format and the channel mask), other chunks such as <c>LIST</c>,
/// then <c>data</c>, whose samples run to the end of the stream. Only 32-bit float is accepted: anything else is
/// refused with the reason, never misread as samples.
/// </summary>
internal sealed record WavStreamHeader(int SampleRate, int Channels, uint ChannelMask)
{
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Chunks before <c>data</c> larger than this are not a header ffmpeg writes.</summary>
    private const int MaxChunkBytes = 64 * 1024;

    /// <summary>Bytes of one sample frame (every channel's 32-bit float).</summary>
    public int FrameBytes => Channels * sizeof(float);

    /// <summary>
    /// Reads the header up to the first sample (blocking). Null at end of stream before a header (the reader stopped
    /// before writing audio).
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not 32-bit float WAV; the message says what it is.</exception>
    public static WavStreamHeader? Read(System.IO.Stream source)
    {
        Span<byte> head = stackalloc byte[12];
        var got = source.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (got == 0)
        {
            return null;
        }

        if (got < head.Length || !head[..4].SequenceEqual("RIFF"u8) || !head[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("the audio stream is not WAV (no RIFF/WAVE header)");
        }

        WavStreamHeader? format = null;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            if (source.ReadAtLeast(chunk, chunk.Length, throwOnEndOfStream: false) < chunk.Length)
            {
                throw new InvalidDataException("the audio stream ended inside its WAV header");
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("data"u8))
            {
                // The size is unknown on a pipe (0 or 0xFFFFFFFF): the samples run to the end of the stream.
                return format ?? throw new InvalidDataException("the audio stream's WAV header has no fmt chunk before its data");
            }

            if (size > MaxChunkBytes)
            {
                throw new InvalidDataException($"the audio stream's WAV header has a {size}-byte chunk '{Name(chunk[..4])}' (at most {MaxChunkBytes})");
            }

            // Chunks are padded to an even size.
            var body = new byte[size + (size & 1)];
            if (source.ReadAtLeast(body, body.Length, throwOnEndOfStream: false) < body.Length)
            {
                throw new InvalidDataException("the audio stream ended inside its WAV header");
            }

            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                format = Parse(body.AsSpan(0, (int)size));
            }
        }
    }

    /// <summary>The <c>fmt </c> chunk's body.</summary>
    internal static WavStreamHeader Parse(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length < 16)
        {
            throw new InvalidDataException($"the audio stream's WAV fmt chunk is {fmt.Length} bytes (at least 16)");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        uint mask = 0;
        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40)
            {
                throw new InvalidDataException($"the audio stream's extensible WAV fmt chunk is {fmt.Length} bytes (40 expected)");
            }

            mask = BinaryPrimitives.ReadUInt32LittleEndian(fmt[20..]);

            // The sub-format GUID's first two bytes carry the format tag; the rest is the fixed KSDATAFORMAT suffix.
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        if (tag != FormatFloat || bits != 32)
        {
            throw new InvalidDataException($"the audio stream is WAV format {tag} with {bits}-bit samples; the reader writes 32-bit float (format 3)");
        }

        if (channels is < 1 or > 8)
        {
            throw new InvalidDataException($"the audio stream has {channels} channels (1 to 8 are measured)");
        }

        if (rate is < 8_000 or > 384_000)
        {
            throw new InvalidDataException($"the audio stream's sample rate is {rate} Hz (8000 to 384000 are measured)");
        }

        return new WavStreamHeader((int)rate, channels, mask);
    }

    private static string Name(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[id.Length];
        for (var i = 0; i < id.Length; i++)
        {
            chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        }

        return new string(chars);
    }
}
