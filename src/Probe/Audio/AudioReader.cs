using System.Runtime.InteropServices;
using LiveRoom.Probe.Audio.Loudness;

namespace LiveRoom.Probe.Audio;

/// <summary>
/// Reads the reader's decoded audio (a 32-bit float WAV stream on the audio FIFO, see <see cref="WavStreamHeader"/>),
/// meters it (<see cref="LoudnessMeter"/>: EBU R128 loudness, true and sample peak per 100 ms block) and hands every
/// block to <see cref="AudioMeter.OnBlock"/>. It reads in batches: after a short read it lets samples gather for
/// <see cref="Pause"/> (a few wake-ups a second instead of one per decoded frame); after a long one it reads again at
/// once, so many channels at a high rate never fill the pipe and hold ffmpeg up.
/// </summary>
internal static class AudioReader
{
    /// <summary>How long to let samples gather after a short read (the pipe's 64 KiB hold 170 ms of 48 kHz stereo).</summary>
    internal static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>A read at least this long means more is waiting: ffmpeg writes its output in 32 KiB pieces.</summary>
    private const int LongRead = 32 * 1024;

    /// <summary>
    /// Reads until end of stream. Blocking: run it on its own thread. A stream that is not 32-bit float WAV is
    /// reported to <paramref name="onRejected"/> with the reason and then read to its end unmetered, so ffmpeg's other
    /// outputs go on (a closed FIFO would stop the whole reader).
    /// </summary>
    public static void Run(System.IO.Stream source, AudioMeter meter, TimeSpan pause, Action<string> onRejected)
    {
        WavStreamHeader? header;
        try
        {
            header = WavStreamHeader.Read(source);
        }
        catch (InvalidDataException ex)
        {
            onRejected(ex.Message);
            source.CopyTo(System.IO.Stream.Null);
            return;
        }

        if (header is null)
        {
            return;
        }

        var loudness = new LoudnessMeter(header.SampleRate, header.Channels, header.ChannelMask);
        var blocks = new List<LoudnessBlock>();
        var buffer = new byte[128 * 1024];
        var held = 0;
        while (true)
        {
            var read = source.Read(buffer, held, buffer.Length - held);
            if (read <= 0)
            {
                // A partial last sample frame is dropped with the stream.
                return;
            }

            var have = held + read;
            var whole = have - (have % header.FrameBytes);
            loudness.Add(MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, whole)), blocks);
            foreach (var block in blocks)
            {
                meter.OnBlock(block);
            }

            blocks.Clear();
            held = have - whole;
            buffer.AsSpan(whole, held).CopyTo(buffer);
            if (read < LongRead && pause > TimeSpan.Zero)
            {
                // A throttle, not a clock: presence and silence are timed by the meter's TimeProvider.
                Thread.Sleep(pause);
            }
        }
    }
}
