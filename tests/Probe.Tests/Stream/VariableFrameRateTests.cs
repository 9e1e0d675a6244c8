using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Tests.Fixtures;

namespace LiveRoom.Probe.Tests.Stream;

/// <summary>Variable frame rate (irregular frame intervals) on streams made by ffmpeg, read in real time.</summary>
public sealed class VariableFrameRateTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_JitteredFrameTimes_RaisesVariableFrameRate()
    {
        await using var run = new MonitorRun(await GeneratedStreams.JitteredFrameTimes());

        var vfr = await run.WaitForEventAsync(EventTypes.VariableFrameRate, Wait);

        Assert.True(vfr.Fields[EventFields.Value].Number >= 20, $"irregular intervals {vfr.Fields[EventFields.Value].Number}");
        var stream = run.Sink.Snapshot().Last(p => p.Kind == MetricKind.Stream && p.Fields.ContainsKey(MetricKind.StreamFields.IrregularIntervals));
        Assert.True(stream.Fields[MetricKind.StreamFields.IrregularIntervals].Number > 0);

        // 2 frames every 5/60 s: 24 fps measured from the timestamps.
        var sample = run.Monitor.LastRoomSample!;
        Assert.Equal(24.0, sample.Stream.Fps!.Value, 1.0);
    }

    [Fact]
    public async Task Run_ConstantFrameRate_HasNoIrregularIntervals()
    {
        await using var run = new MonitorRun(await TestStreams.At25Fps());

        var sample = await run.WaitForSampleAsync(s => s.Stream is { Up: true, UptimeSeconds: >= 4, IrregularIntervals: not null }, Wait, "a settled sample");

        Assert.Equal(0, sample.Stream.IrregularIntervals);
        Assert.False(sample.IsActive(EventTypes.VariableFrameRate));
        Assert.Contains(sample.Conditions, c => c.Type == EventTypes.VariableFrameRate);
        Assert.DoesNotContain(run.Events(), e => e.Fields[EventFields.Type].Text == EventTypes.VariableFrameRate);
    }
}
