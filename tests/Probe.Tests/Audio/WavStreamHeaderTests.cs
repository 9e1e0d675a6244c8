using System.Buffers.Binary;
using LiveRoom.Probe.Audio;

namespace LiveRoom.Probe.Tests.Audio;

/// <summary>The header of the reader's audio stream, as ffmpeg writes it on a pipe, and what is refused.</summary>
public sealed class WavStreamHeaderTests
{
    [Theory]
    [InlineData(1, 48_000, 0x4u)]
    [InlineData(2, 44_100, 0x3u)]
    [InlineData(6, 48_000, 0x3Fu)]
    public async Task Read_WhatFfmpegWritesOnAPipe_GivesRateChannelsAndMaskAndStopsAtTheFirstSample(int channels, int rate, uint mask)
    {
        // Through a pipe (not seekable), like the reader's FIFO: the RIFF and data sizes stay unknown.
        var wav = await FfmpegWavAsync(channels, rate, "pcm_f32le");

        using var stream = new MemoryStream(wav);
        var header = WavStreamHeader.Read(stream);

        Assert.Equal(new WavStreamHeader(rate, channels, mask), header);
        Assert.Equal(0xFFFFFFFFu, BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(4)));
        Assert.Equal(0, (wav.Length - stream.Position) % (channels * 4));
        Assert.Equal(rate * channels * 4 / 10, wav.Length - stream.Position);
    }

    [Fact]
    public async Task Read_SixteenBitWav_IsRefusedNamingTheFormat()
    {
        var wav = await FfmpegWavAsync(2, 48_000, "pcm_s16le");

        var ex = Assert.Throws<InvalidDataException>(() => WavStreamHeader.Read(new MemoryStream(wav)));

        Assert.Contains("16-bit", ex.Message, StringComparison.Ordinal);
        Assert.Contains("32-bit float", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyStream_IsNoHeader()
    {
        Assert.Null(WavStreamHeader.Read(new MemoryStream()));
    }

    [Theory]
    [InlineData("garbage bytes, not audio", "not WAV")]
    [InlineData("RIFF\xff\xff\xff\xffWAVEfmt ", "ended inside")]
    [InlineData("RIFF\xff\xff\xff\xffWAVEdata\xff\xff\xff\xff", "no fmt chunk")]
    [InlineData("RIFF\xff\xff\xff\xffWAVEJUNK\x00\x00\x10\x00", "chunk 'JUNK'")]
    public void Read_BrokenHeader_IsRefusedWithTheReason(string bytes, string reason)
    {
        var raw = bytes.Select(c => (byte)c).ToArray();

        var ex = Assert.Throws<InvalidDataException>(() => WavStreamHeader.Read(new MemoryStream(raw)));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlainFloatFormat_HasNoMask()
    {
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 3);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), 48_000);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), 32);

        Assert.Equal(new WavStreamHeader(48_000, 2, 0), WavStreamHeader.Parse(fmt));
    }

    [Theory]
    [InlineData(0, 48_000, "0 channels")]
    [InlineData(9, 48_000, "9 channels")]
    [InlineData(2, 4_000, "4000 Hz")]
    public void Parse_OutOfRange_IsRefused(int channels, int rate, string reason)
    {
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 3);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), 32);

        var ex = Assert.Throws<InvalidDataException>(() => WavStreamHeader.Parse(fmt));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>100 ms of a tone.</summary>
    internal static Task<byte[]> FfmpegWavAsync(int channels, int rate, string codec) =>
        PipedWav.MakeAsync($"sine=frequency=997:sample_rate={rate}:duration=0.1", codec, channels);
}
