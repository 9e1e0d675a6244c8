using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Tests.Fixtures;

namespace LiveRoom.Probe.Tests.Audio;

/// <summary>Loudness, silence and clipping of streams made by ffmpeg, read in real time.</summary>
public sealed class AudioMonitorTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_TenSecondsOfSilence_RaisesSilenceWithin12Seconds()
    {
        await using var run = new MonitorRun(await TestStreams.SilenceAfter2s());

        var silence = await run.WaitForEventAsync(EventTypes.Silence, Wait);

        // The value is how long the audio had been below the floor when the event was raised.
        var silentFor = silence.Fields[EventFields.Value].Number;
        Assert.InRange(silentFor, 10, 12);
        Assert.Equal(10, silence.Fields[EventFields.Threshold].Number);
        var audio = run.Sink.Snapshot().Last(p => p.Kind == MetricKind.Audio);
        Assert.True(audio.Fields[AudioFields.Present].Boolean);
        Assert.True(audio.Fields[AudioFields.SilentSeconds].Number >= 10);
    }

    [Fact]
    public async Task Run_Minus23LufsSine_ReadsAboutMinus23()
    {
        await using var run = new MonitorRun(await TestStreams.Sine23Lufs());

        var sample = await run.WaitForSampleAsync(s => s.Stream.UptimeSeconds >= 5 && s.Audio.ShortTermLufs is not null, Wait, "short-term loudness");

        Assert.Equal(-23, sample.Audio.ShortTermLufs!.Value, 0.5);
        Assert.Equal(-23, sample.Audio.MomentaryLufs!.Value, 0.5);
        Assert.Equal(-20, sample.Audio.TruePeakDbtp!.Value, 0.5);
        Assert.False(sample.Audio.Clipping);
        Assert.Equal(0, sample.Audio.SilentSeconds);
    }

    [Fact]
    public async Task Run_FullScaleSquareWave_RaisesClipping()
    {
        await using var run = new MonitorRun(await TestStreams.FullScaleSquare());

        var clipping = await run.WaitForEventAsync(EventTypes.Clipping, Wait);

        Assert.True(clipping.Fields[EventFields.Value].Number >= -0.1);
    }
}
