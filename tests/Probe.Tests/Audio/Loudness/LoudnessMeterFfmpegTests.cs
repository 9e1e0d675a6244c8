using LiveRoom.Probe.Audio.Loudness;
using LiveRoom.Testing;
using Xunit.Abstractions;

namespace LiveRoom.Probe.Tests.Audio.Loudness;

/// <summary>
/// The meter against ffmpeg 5.1's own <c>ebur128</c> filter (the one it replaces), block by block, on WAV files ffmpeg
/// makes and the test reads itself, fed to the meter 1000 frames at a time: the same number of blocks, ending at the
/// same times, the same momentary and short-term loudness (0.1 LU; ffmpeg prints one decimal) wherever both are
/// defined, and the same true peak (0.3 dB: ffmpeg oversamples with its resampler, the meter with the BS.1770-4
/// Annex 2 filter). With <c>peak=true</c> ffmpeg cuts its input into 100 ms frames, so its per-frame true peak
/// (FTPK) is per block too.
/// </summary>
public sealed class LoudnessMeterFfmpegTests(ITestOutputHelper output)
{
    private const double LoudnessTolerance = 0.1;
    private const double TruePeakTolerance = 0.3;

    /// <summary>What ffmpeg prints for loudness before its window has been filled once (its floor of 1e-12).</summary>
    private const double FfmpegUndefined = -120.7;

    private const string PinkNoiseStereo =
        "anoisesrc=color=pink:seed=7:sample_rate=48000:duration=6:amplitude=0.3[l];" +
        "anoisesrc=color=pink:seed=8:sample_rate=48000:duration=6:amplitude=0.2[r];[l][r]amerge=inputs=2";

    public static TheoryData<string, string[]> Signals => new()
    {
        { "997 Hz, stereo, 48 kHz", ["-f", "lavfi", "-i", "sine=frequency=997:sample_rate=48000:duration=6", "-af", "volume=2.5", "-ac", "2"] },
        { "997 Hz, stereo, 44.1 kHz", ["-f", "lavfi", "-i", "sine=frequency=997:sample_rate=44100:duration=6", "-af", "volume=2.5", "-ac", "2"] },
        { "997 Hz, mono, 48 kHz", ["-f", "lavfi", "-i", "sine=frequency=997:sample_rate=48000:duration=6", "-af", "volume=4"] },
        { "pink noise to 20 kHz, stereo, 48 kHz", ["-filter_complex", PinkNoiseStereo + ",lowpass=f=20000"] },
        {
            // A tone and a level per channel; the LFE (4th) is the loudest and must not count, the surrounds weigh 1.41.
            "5.1, a level per channel, 48 kHz",
            [
                "-f", "lavfi", "-i",
                "aevalsrc=0.5*sin(2*PI*997*t)|0.25*sin(2*PI*500*t)|0.1*sin(2*PI*1500*t)|0.8*sin(2*PI*60*t)|0.2*sin(2*PI*2000*t)|0.3*sin(2*PI*300*t):s=48000:d=6:c=5.1",
            ]
        },
        {
            "a 20 dB step down within a block (2.05 s), stereo, 48 kHz",
            ["-f", "lavfi", "-i", "aevalsrc=if(lt(t\\,2.05)\\,0.5\\,0.05)*sin(2*PI*1000*t):s=48000:d=6", "-ac", "2"]
        },
    };

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task Add_FfmpegMadeSignal_ReadsAsFfmpegsEbuR128BlockByBlock(string name, string[] source)
    {
        var worst = await CompareAsync(name, source, truePeakCompared: _ => true);

        Assert.InRange(worst.Momentary, 0, LoudnessTolerance);
        Assert.InRange(worst.ShortTerm, 0, LoudnessTolerance);
        Assert.InRange(worst.TruePeak, 0, TruePeakTolerance);
    }

    /// <summary>
    /// Pink noise up to 24 kHz. Above ~20 kHz the Annex 2 filter rolls off while ffmpeg's resampler passes up to 0.97
    /// of Nyquist, so on the few blocks whose peak is made by that top octave ffmpeg reads higher: 0.33 dB at most,
    /// 0.07 dB on average (band-limited to 20 kHz, as above, 0.17 dB at most). The loudness is still within 0.1 LU.
    /// </summary>
    [Fact]
    public async Task Add_FullBandPinkNoise_TruePeakWithinTheInterpolatorsDifference()
    {
        var worst = await CompareAsync("full-band pink noise", ["-filter_complex", PinkNoiseStereo], truePeakCompared: _ => true);

        Assert.InRange(worst.Momentary, 0, LoudnessTolerance);
        Assert.InRange(worst.ShortTerm, 0, LoudnessTolerance);
        Assert.InRange(worst.TruePeak, 0, 0.4);
    }

    /// <summary>
    /// A 20 dB step down exactly at a block boundary (2 s). The loudness follows ffmpeg's block by block. The true
    /// peak does too, except in the block right after the step: both interpolators are causal filters whose output
    /// lags the input (the meter's by 6 samples, ffmpeg's resampler by about 16), so the tail of the loud part lands in
    /// that block, a different share of a cycle in each (-12.2 dBTP here, ffmpeg -9.0, the quiet part -29).
    /// </summary>
    [Fact]
    public async Task Add_StepDownAtABlockBoundary_FollowsFfmpegAndOnlyTheNextBlocksTruePeakShowsTheLag()
    {
        const int blockAfterStep = 20;
        var worst = await CompareAsync(
            "a 20 dB step down at 2 s",
            ["-f", "lavfi", "-i", "aevalsrc=if(lt(t\\,2)\\,0.5\\,0.05)*sin(2*PI*1000*t):s=48000:d=6", "-ac", "2"],
            truePeakCompared: block => block != blockAfterStep,
            check: blocks =>
            {
                var (loud, after, quiet) = (blocks[blockAfterStep - 1], blocks[blockAfterStep], blocks[blockAfterStep + 1]);
                Assert.InRange(after.TruePeakDbtp, quiet.TruePeakDbtp, loud.TruePeakDbtp);
                Assert.Equal(quiet.SamplePeakDbfs, after.SamplePeakDbfs, 0.01);
            });

        Assert.InRange(worst.Momentary, 0, LoudnessTolerance);
        Assert.InRange(worst.ShortTerm, 0, LoudnessTolerance);
        Assert.InRange(worst.TruePeak, 0, TruePeakTolerance);
    }

    private async Task<(double Momentary, double ShortTerm, double TruePeak)> CompareAsync(
        string name, string[] source, Func<int, bool> truePeakCompared, Action<List<LoudnessBlock>>? check = null)
    {
        using var dir = new TempDirectory("loudness");
        var path = dir.Combine("signal.wav");
        await FfmpegEbuR128.MakeWavAsync(path, source);
        var wav = FloatWav.Read(path);
        var reference = await FfmpegEbuR128.MeasureAsync(path);

        var blocks = Meter(wav, framesPerCall: 1000);

        Assert.Equal(wav.Frames / (wav.SampleRate / 10), blocks.Count);
        Assert.Equal(reference.Count, blocks.Count);
        var worst = (Momentary: 0.0, ShortTerm: 0.0, TruePeak: 0.0);
        for (var i = 0; i < blocks.Count; i++)
        {
            var (ours, theirs) = (blocks[i], reference[i]);
            output.WriteLine($"{i,3} t={theirs.Time,-9} M {ours.MomentaryLufs,7:F2} / {theirs.MomentaryLufs,6:F1}  S {ours.ShortTermLufs,7:F2} / {theirs.ShortTermLufs,6:F1}  TP {ours.TruePeakDbtp,6:F2} / {theirs.TruePeakDbtp,5:F1}  SP {ours.SamplePeakDbfs,6:F2}");

            // ffmpeg's t is the time of the block's last sample: (i + 1) / 10 s less one sample.
            Assert.InRange(theirs.Time, ((i + 1) / 10.0) - 0.001, (i + 1) / 10.0);
            Assert.Equal(theirs.MomentaryLufs == FfmpegUndefined, double.IsNaN(ours.MomentaryLufs));
            Assert.Equal(theirs.ShortTermLufs == FfmpegUndefined, double.IsNaN(ours.ShortTermLufs));
            if (!double.IsNaN(ours.MomentaryLufs))
            {
                worst.Momentary = Math.Max(worst.Momentary, Math.Abs(ours.MomentaryLufs - theirs.MomentaryLufs));
            }

            if (!double.IsNaN(ours.ShortTermLufs))
            {
                worst.ShortTerm = Math.Max(worst.ShortTerm, Math.Abs(ours.ShortTermLufs - theirs.ShortTermLufs));
            }

            if (truePeakCompared(i))
            {
                worst.TruePeak = Math.Max(worst.TruePeak, Math.Abs(ours.TruePeakDbtp - theirs.TruePeakDbtp));
            }

            Assert.True(ours.TruePeakDbtp >= ours.SamplePeakDbfs, $"block {i}: true peak {ours.TruePeakDbtp} below sample peak {ours.SamplePeakDbfs}");
        }

        output.WriteLine($"{name}: largest difference M {worst.Momentary:F3} LU, S {worst.ShortTerm:F3} LU, TP {worst.TruePeak:F3} dB");
        check?.Invoke(blocks);
        return worst;
    }

    private static List<LoudnessBlock> Meter(FloatWav wav, int framesPerCall)
    {
        var meter = new LoudnessMeter(wav.SampleRate, wav.Channels, wav.ChannelMask);
        var blocks = new List<LoudnessBlock>();
        var step = framesPerCall * wav.Channels;
        for (var at = 0; at < wav.Samples.Length; at += step)
        {
            meter.Add(wav.Samples.AsSpan(at, Math.Min(step, wav.Samples.Length - at)), blocks);
        }

        return blocks;
    }
}
