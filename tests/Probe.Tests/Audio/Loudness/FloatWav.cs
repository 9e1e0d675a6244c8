using System.Runtime.InteropServices;
using LiveRoom.Probe.Audio;

namespace LiveRoom.Probe.Tests.Audio.Loudness;

/// <summary>
/// A 32-bit float WAV file as ffmpeg writes it (<c>-c:a pcm_f32le</c>): its header read by the probe's own
/// <see cref="WavStreamHeader"/> (tested on its own), then every sample up to the end of the file.
/// </summary>
internal sealed record FloatWav(int SampleRate, int Channels, uint ChannelMask, float[] Samples)
{
    public int Frames => Samples.Length / Channels;

    public static FloatWav Read(string path)
    {
        using var file = File.OpenRead(path);
        var header = WavStreamHeader.Read(file) ?? throw new InvalidDataException($"{path} is empty");
        var data = new byte[file.Length - file.Position];
        file.ReadExactly(data);
        var whole = data.Length - (data.Length % header.FrameBytes);
        return new FloatWav(header.SampleRate, header.Channels, header.ChannelMask, MemoryMarshal.Cast<byte, float>(data.AsSpan(0, whole)).ToArray());
    }
}
