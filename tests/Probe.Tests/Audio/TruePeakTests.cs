using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Tests.Fixtures;
using LiveRoom.Probe.Tests.Stream;

namespace LiveRoom.Probe.Tests.Audio;

/// <summary>True peak per second and since the start, on a stream made by ffmpeg and read in real time.</summary>
public sealed class TruePeakTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_LoudBurstThenQuietTone_IntervalTruePeakFollowsTheSignalAndRunningKeepsTheBurst()
    {
        await using var run = new MonitorRun(await GeneratedStreams.LoudBurstThenQuiet());

        // Seconds 5 on: the burst (0.5, -6 dBTP) is over, the tone is at 0.1 (-20 dBTP).
        var sample = await run.WaitForSampleAsync(s => s.Stream.UptimeSeconds >= 6 && s.Audio.IntervalTruePeakDbtp is not null, Wait, "6 s of audio");

        Assert.Equal(-20, sample.Audio.IntervalTruePeakDbtp!.Value, 0.5);
        Assert.Equal(-6, sample.Audio.TruePeakDbtp!.Value, 0.5);
        var points = run.Sink.Snapshot().Where(p => p.Kind == MetricKind.Audio && p.Fields.ContainsKey(AudioFields.IntervalTruePeak)).ToList();
        Assert.Contains(points, p => Math.Abs(p.Fields[AudioFields.IntervalTruePeak].Number + 6) < 0.5);
        Assert.Contains(points, p => Math.Abs(p.Fields[AudioFields.IntervalTruePeak].Number + 20) < 0.5);
    }
}
