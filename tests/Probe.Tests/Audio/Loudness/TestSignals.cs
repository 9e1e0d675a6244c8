namespace LiveRoom.Probe.Tests.Audio.Loudness;

/// <summary>Interleaved float test signals with known levels, made in the test (no ffmpeg).</summary>
internal static class TestSignals
{
    /// <summary>A sine of <paramref name="amplitude"/> (peak, full scale 1.0) in the channels <paramref name="inChannel"/> selects, silence in the others.</summary>
    public static float[] Sine(int rate, int channels, double seconds, double hz, double amplitude, Func<int, bool>? inChannel = null, double phase = 0)
    {
        var frames = (int)Math.Round(rate * seconds);
        var samples = new float[frames * channels];
        for (var n = 0; n < frames; n++)
        {
            var value = (float)(amplitude * Math.Sin((2 * Math.PI * hz * n / rate) + phase));
            for (var c = 0; c < channels; c++)
            {
                samples[(n * channels) + c] = inChannel is null || inChannel(c) ? value : 0;
            }
        }

        return samples;
    }

    /// <summary>A full-scale square wave (every sample exactly +1 or -1) in every channel.</summary>
    public static float[] Square(int rate, int channels, double seconds, int periodFrames)
    {
        var frames = (int)Math.Round(rate * seconds);
        var samples = new float[frames * channels];
        for (var n = 0; n < frames; n++)
        {
            samples.AsSpan(n * channels, channels).Fill(n % periodFrames < periodFrames / 2 ? 1f : -1f);
        }

        return samples;
    }

    /// <summary>Uniform noise of <paramref name="amplitude"/> plus a 440 Hz tone, a different level per channel; fixed seed.</summary>
    public static float[] NoiseAndTone(int rate, int channels, double seconds, double amplitude, int seed)
    {
        var random = new Random(seed);
        var frames = (int)Math.Round(rate * seconds);
        var samples = new float[frames * channels];
        for (var n = 0; n < frames; n++)
        {
            for (var c = 0; c < channels; c++)
            {
                var tone = Math.Sin(2 * Math.PI * 440 * n / rate) / (c + 2);
                samples[(n * channels) + c] = (float)(amplitude * (((random.NextDouble() * 2) - 1 + tone) / 2));
            }
        }

        return samples;
    }
}
