using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Tests.Fixtures;
using LiveRoom.Probe.Tests.Stream;

namespace LiveRoom.Probe.Tests.Picture;

/// <summary>
/// Freeze detection when a strict-CBR encoder pads every frame with filler to the same size, so packet sizes say
/// nothing about change (streams made by ffmpeg, read in real time).
/// </summary>
public sealed class CbrFreezeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_FrozenPictureWithSoundCbrPadded_RaisesFrozen()
    {
        await using var run = new MonitorRun(await GeneratedStreams.FrozenWithSoundCbrPadded());

        var frozen = await run.WaitForEventAsync(EventTypes.Frozen, Wait);

        Assert.True(frozen.Fields[EventFields.Value].Number >= 6);
        var sample = run.Monitor.LastRoomSample!;
        Assert.True(sample.Audio.Present);
        Assert.Equal(0, sample.Audio.SilentSeconds);

        // The padded case: P-frames as big as keyframes, nearly all packets of one size.
        Assert.True(sample.Stream.InterFrameBytes / sample.Stream.KeyframeBytes > 0.5, $"inter {sample.Stream.InterFrameBytes} key {sample.Stream.KeyframeBytes}");
        Assert.True(sample.Stream.SameSizeShare >= 0.8, $"same-size share {sample.Stream.SameSizeShare}");
    }

    [Fact]
    public async Task Run_TalkingHostBeforeStaticBackdropCbrPadded_IsNotFrozen()
    {
        await using var run = new MonitorRun(await GeneratedStreams.TalkingHostCbrPadded());

        // Well past the freeze time (6 s) with keyframes every 0.5 s.
        var sample = await run.WaitForSampleAsync(s => s.Stream.UptimeSeconds >= 12, Wait, "12 s of stream");

        Assert.True(sample.Picture.Frames >= 8, $"only {sample.Picture.Frames} frames sampled");
        Assert.True(sample.Stream.InterFrameBytes / sample.Stream.KeyframeBytes > 0.5, $"inter {sample.Stream.InterFrameBytes} key {sample.Stream.KeyframeBytes}");
        Assert.DoesNotContain(run.Events(), e => e.Fields[EventFields.Type].Text == EventTypes.Frozen);
        var vision = run.Sink.Snapshot().Where(p => p.Kind == MetricKind.Vision).ToList();
        Assert.All(vision, v => Assert.False(v.Fields[PictureFields.Frozen].Boolean));
    }
}
