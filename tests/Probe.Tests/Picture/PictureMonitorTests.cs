using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Tests.Fixtures;

namespace LiveRoom.Probe.Tests.Picture;

/// <summary>Black and frozen pictures on the sampled keyframes of streams made by ffmpeg, read in real time.</summary>
public sealed class PictureMonitorTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_FrozenPictureWithSound_RaisesFrozen()
    {
        await using var run = new MonitorRun(await TestStreams.FrozenWithSound());

        var frozen = await run.WaitForEventAsync(EventTypes.Frozen, Wait);

        Assert.True(frozen.Fields[EventFields.Value].Number >= 6);
        var sample = run.Monitor.LastRoomSample!;
        Assert.True(sample.Audio.Present);
        Assert.Equal(0, sample.Audio.SilentSeconds);
        Assert.DoesNotContain(run.Events(), e => e.Fields[EventFields.Type].Text == EventTypes.Black);
    }

    [Fact]
    public async Task Run_StaticSceneWithTalkingHost_IsNotFrozen()
    {
        await using var run = new MonitorRun(await TestStreams.StaticSceneWithTalkingHost());

        // Well past the freeze time (6 s) with keyframes every 0.5 s.
        var sample = await run.WaitForSampleAsync(s => s.Stream.UptimeSeconds >= 12, Wait, "12 s of stream");

        Assert.True(sample.Picture.Frames >= 8, $"only {sample.Picture.Frames} frames sampled");
        Assert.DoesNotContain(run.Events(), e => e.Fields[EventFields.Type].Text == EventTypes.Frozen);
        var vision = run.Sink.Snapshot().Where(p => p.Kind == MetricKind.Vision).ToList();
        Assert.All(vision, v => Assert.False(v.Fields[PictureFields.Frozen].Boolean));
        Assert.Contains(vision, v => v.Fields.TryGetValue(PictureFields.ChangedBlocks, out var c) && c.Number > 0);
    }

    [Fact]
    public async Task Run_BlackPicture_RaisesBlackWithLuma()
    {
        await using var run = new MonitorRun(await TestStreams.BlackWithSound());

        var black = await run.WaitForEventAsync(EventTypes.Black, Wait);

        Assert.True(black.Fields[EventFields.Value].Number <= 32);
        var vision = run.Sink.Snapshot().Last(p => p.Kind == MetricKind.Vision);
        Assert.True(vision.Fields[PictureFields.Black].Boolean);
        Assert.InRange(vision.Fields[PictureFields.LumaMean].Number, 0, 20);
    }
}
