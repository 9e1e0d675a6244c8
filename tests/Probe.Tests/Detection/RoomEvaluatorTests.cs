using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Audio;
using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Picture;
using LiveRoom.Probe.Stream;

namespace LiveRoom.Probe.Tests.Detection;

public sealed class RoomEvaluatorTests
{
    private static readonly RoomEvaluator Evaluator = new(new ExpectedProfile(), new ProbeThresholds(), TimeSpan.FromSeconds(2));

    private static readonly StreamSample Good = new()
    {
        Up = true,
        HasVideo = true,
        HasAudio = true,
        Width = 1920,
        Height = 1080,
        Fps = 30,
        TotalBitsPerSecond = 4_600_000,
        DroppedFrames = 0,
        InterFrameBytes = 15_000,
        KeyframeBytes = 120_000,
        UptimeSeconds = 60,
    };

    private static readonly AudioSample Talking = new() { Present = true, MomentaryLufs = -20, ShortTermLufs = -21 };

    private static readonly PictureSample Moving = new() { Frames = 30, LumaMean = 110, LumaP98 = 230, ChangedShare = 0.3 };

    private static readonly PictureSample Still = new() { Frames = 30, LumaMean = 110, LumaP98 = 230, ChangedShare = 0, StillSeconds = 10, StillComparisons = 5 };

    private static List<string> Active(StreamSample s, AudioSample a, PictureSample p) =>
        Evaluator.Evaluate(s, a, p).Where(c => c.Active).Select(c => c.Type).ToList();

    [Fact]
    public void Evaluate_1080p30WithPictureAndSound_RaisesNothing()
    {
        Assert.Empty(Active(Good, Talking, Moving));
    }

    [Theory]
    [InlineData(29.97, false)]
    [InlineData(29.6, false)]
    [InlineData(25.0, true)]
    public void Evaluate_FrameRate_29_97PassesAnd25Fails(double fps, bool below)
    {
        Assert.Equal(below, Active(Good with { Fps = fps }, Talking, Moving).Contains(EventTypes.BelowFrameRate));
    }

    [Fact]
    public void Evaluate_720p_IsBelowResolution()
    {
        var active = Active(Good with { Width = 1280, Height = 720 }, Talking, Moving);

        Assert.Contains(EventTypes.BelowResolution, active);
    }

    [Fact]
    public void Evaluate_4K_IsAboveResolution()
    {
        Assert.Equal([EventTypes.AboveResolution], Active(Good with { Width = 3840, Height = 2160 }, Talking, Moving));
    }

    [Fact]
    public void Evaluate_3MbitPerSecond_IsBitrateLow()
    {
        Assert.Equal([EventTypes.BitrateLow], Active(Good with { TotalBitsPerSecond = 3_000_000 }, Talking, Moving));
    }

    [Fact]
    public void Evaluate_NoAudioTrack_IsAudioMissing()
    {
        Assert.Equal([EventTypes.AudioMissing], Active(Good with { HasAudio = false }, new AudioSample { Present = false }, Moving));
    }

    [Fact]
    public void Evaluate_StillPictureButEncoderCodesMotionAndHostTalks_IsNotFrozen()
    {
        // A seated host in front of a static backdrop: the keyframes look alike, but the P-frames carry the movement.
        Assert.DoesNotContain(EventTypes.Frozen, Active(Good, Talking, Still));
    }

    [Fact]
    public void Evaluate_StillPictureWithSoundAndNearEmptyPFrames_IsFrozen()
    {
        var frozenEncoder = Good with { InterFrameBytes = 40, KeyframeBytes = 120_000 };

        Assert.Contains(EventTypes.Frozen, Active(frozenEncoder, Talking, Still));
    }

    [Fact]
    public void Evaluate_StillPictureAndSilence_IsFrozen()
    {
        Assert.Contains(EventTypes.Frozen, Active(Good, Talking with { SilentSeconds = 3 }, Still));
    }

    [Fact]
    public void Evaluate_StillForOneComparisonOnly_IsNotFrozenYet()
    {
        Assert.DoesNotContain(EventTypes.Frozen, Active(Good with { InterFrameBytes = 40 }, Talking, Still with { StillComparisons = 1 }));
    }

    [Fact]
    public void Evaluate_BlackPicture_IsBlackNotFrozen()
    {
        var black = Still with { LumaMean = 16, LumaP98 = 16, BlackSeconds = 5 };

        var active = Active(Good with { InterFrameBytes = 20 }, Talking, black);

        Assert.Contains(EventTypes.Black, active);
        Assert.DoesNotContain(EventTypes.Frozen, active);
    }

    [Fact]
    public void Evaluate_StreamDown_ReturnsNoConditions()
    {
        Assert.Empty(Evaluator.Evaluate(new StreamSample { Up = false }, new AudioSample { Present = false }, new PictureSample()));
    }

    [Fact]
    public void Evaluate_StillPictureWithSoundAndCbrFillerPaddedPackets_IsFrozen()
    {
        // x264 nal-hrd=cbr pads a frozen picture's frames, key and non-key, to the same size: sizes say nothing.
        var padded = Good with { InterFrameBytes = 5006, KeyframeBytes = 5006, SameSizeShare = 1.0 };

        Assert.Contains(EventTypes.Frozen, Active(padded, Talking, Still));
    }

    [Fact]
    public void Evaluate_MovingPictureWithCbrFillerPaddedPackets_IsNotFrozen()
    {
        var padded = Good with { InterFrameBytes = 5006, KeyframeBytes = 5006, SameSizeShare = 1.0 };

        Assert.DoesNotContain(EventTypes.Frozen, Active(padded, Talking, Moving));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(6, true)]
    public void Evaluate_IrregularFrameIntervals_IsVariableFrameRateFromTwo(int irregular, bool active)
    {
        var sample = Good with { IrregularIntervals = irregular, Intervals = 59 };

        Assert.Equal(active, Active(sample, Talking, Moving).Contains(EventTypes.VariableFrameRate));
    }
}

