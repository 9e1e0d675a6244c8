using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Tests.Fixtures;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Stream;

/// <summary>
/// Issue 4 "Bad input": each case is reported as a clear event, the reader is restarted with backoff, no exception
/// escapes, and another room's monitor in the same process keeps working.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("bad-input");

    public void Dispose() => _dir.Dispose();

    private static string Message(MetricPoint e) => e.Fields[EventFields.Message].Text ?? string.Empty;

    [Fact]
    public async Task Run_UnreachableSource_ReportsSourceErrorAndRetries_WhileAnotherRoomWorks()
    {
        await using var good = new MonitorRun(await TestStreams.At25Fps());
        await using var bad = new MonitorRun($"tcp://127.0.0.1:{FreePort.Next()}");

        var error = await bad.WaitForEventAsync(EventTypes.SourceError, Wait);
        await Eventually.WaitAsync(() => bad.Monitor.Starts >= 3, Wait, "retries");
        var sample = await good.WaitForSampleAsync(s => s.Stream.Up, Wait, "the other room up");

        Assert.Contains("Connection refused", Message(error), StringComparison.OrdinalIgnoreCase);
        Assert.False(bad.Monitor.LastSample!.Up);
        Assert.True(sample.Stream.Up);

        // Reported once per distinct reason, not at every retry.
        Assert.Single(bad.Events(), e => e.Fields[EventFields.Type].Text == EventTypes.SourceError);
    }

    [Fact]
    public async Task Run_WrongUrlScheme_ReportsProtocolNotFound()
    {
        await using var run = new MonitorRun("nosuchproto://127.0.0.1/live");

        var error = await run.WaitForEventAsync(EventTypes.SourceError, Wait);

        Assert.Contains("Protocol not found", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GarbageBytes_ReportsInvalidData()
    {
        await using var run = new MonitorRun(await TestStreams.Garbage());

        var error = await run.WaitForEventAsync(EventTypes.SourceError, Wait);

        Assert.Contains("Invalid data", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FfmpegMissing_ReportsTheProgram()
    {
        await using var run = new MonitorRun("whatever.ts", o => o with { Ffmpeg = "/nonexistent/ffmpeg" });

        var error = await run.WaitForEventAsync(EventTypes.SourceError, Wait);
        await Eventually.WaitAsync(() => run.Monitor.LastSample is not null, Wait, "a sample");

        Assert.Contains("/nonexistent/ffmpeg", Message(error), StringComparison.Ordinal);
        Assert.False(run.Monitor.LastSample!.Up);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Run_FfmpegCrashing_ReportsTheSignalAndRestarts()
    {
        var fake = _dir.Combine("ffmpeg");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\necho 'segfault coming' >&2\nkill -SEGV $$\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var run = new MonitorRun("whatever.ts", o => o with { Ffmpeg = fake });

        var error = await run.WaitForEventAsync(EventTypes.SourceError, Wait);
        await Eventually.WaitAsync(() => run.Monitor.Starts >= 3, Wait, "restarts");

        Assert.Contains("code 139", Message(error), StringComparison.Ordinal);
        Assert.Contains("segfault coming", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoVideoTrack_ReportsNoVideoAndStillMeasuresAudio()
    {
        await using var run = new MonitorRun(await TestStreams.NoVideo());

        var noVideo = await run.WaitForEventAsync(EventTypes.NoVideo, Wait);
        var sample = await run.WaitForSampleAsync(s => s.Audio.MomentaryLufs is not null, Wait, "loudness");

        Assert.False(sample.Stream.HasVideo);
        Assert.True(sample.Stream.HasAudio);
        Assert.Equal(0, sample.Picture.Frames);
        Assert.DoesNotContain(run.Events(), e => e.Fields[EventFields.Type].Text == EventTypes.SourceError);
        Assert.Equal(EventTypes.NoVideo, noVideo.Tags![EventFields.Type]);
    }

    [Fact]
    public async Task Run_NoAudioTrack_ReportsAudioMissingAndStillSamplesPictures()
    {
        await using var run = new MonitorRun(await TestStreams.NoAudio());

        var missing = await run.WaitForEventAsync(EventTypes.AudioMissing, Wait);
        var sample = await run.WaitForSampleAsync(s => s.Picture.Frames > 0, Wait, "a sampled frame");

        Assert.Contains("no audio track", Message(missing), StringComparison.Ordinal);
        Assert.False(sample.Stream.HasAudio);
        Assert.DoesNotContain(run.Sink.Snapshot(), p => p.Kind == MetricKind.Audio);
    }

    [Fact]
    public async Task Run_4KStream_ReportsAboveResolution()
    {
        await using var run = new MonitorRun(await TestStreams.At4K());

        var above = await run.WaitForEventAsync(EventTypes.AboveResolution, Wait);

        Assert.Equal(2160, above.Fields[EventFields.Value].Number);
        Assert.Equal(3840, run.Monitor.LastSample!.Width);
    }
}
