using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Tests.Fixtures;

namespace LiveRoom.Probe.Tests.Stream;

/// <summary>Stream metrics of streams with known properties, made by ffmpeg and read in real time.</summary>
public sealed class StreamPropertiesTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_25FpsStream_Reads25Fps_AndFailsThe1080pProfile()
    {
        await using var run = new MonitorRun(await TestStreams.At25Fps());

        var sample = await run.WaitForSampleAsync(s => s.Stream is { Up: true, UptimeSeconds: >= 3, Fps: not null }, Wait, "a settled sample");

        Assert.Equal(25.0, sample.Stream.Fps!.Value, 0.1);
        Assert.Equal(320, sample.Stream.Width);
        Assert.Equal("h264", sample.Stream.VideoCodec);
        Assert.Equal("aac", sample.Stream.AudioCodec);
        Assert.False(string.IsNullOrEmpty(sample.Stream.VideoProfile));
        Assert.Equal(0, sample.Stream.DroppedFrames);
        Assert.True(sample.IsActive(EventTypes.BelowResolution));
        Assert.True(sample.IsActive(EventTypes.BelowFrameRate));
        var below = await run.WaitForEventAsync(EventTypes.BelowFrameRate, Wait);
        Assert.Equal(29.5, below.Fields[EventFields.Threshold].Number);
        Assert.Equal(EventTypes.BelowFrameRate, below.Tags![EventFields.Type]);
    }

    [Fact]
    public async Task Run_VariableFrameRateWithHoles_ReportsDroppedFramesAndStaysUp()
    {
        await using var run = new MonitorRun(await TestStreams.VariableFrameRate());

        var dropped = await run.WaitForEventAsync(EventTypes.DroppedFrames, Wait);
        var sample = await run.WaitForSampleAsync(s => s.Stream is { Up: true, UptimeSeconds: >= 3 }, Wait, "a settled sample");

        Assert.True(dropped.Fields[EventFields.Value].Number > 0);
        Assert.True(sample.Stream.TimestampGaps > 0);
        Assert.Equal(25.0, sample.Stream.Fps!.Value, 1.5);
        Assert.Equal(1, run.Monitor.Starts);
    }
}
