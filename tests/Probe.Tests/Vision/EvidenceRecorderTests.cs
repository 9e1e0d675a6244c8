using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Frames;
using LiveRoom.Probe.Tests.Obs;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Evidence;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Tests.Vision;

/// <summary>Evidence thumbnails with the real ffmpeg: JPEG, size bound, interval on a fake clock, event-triggered.</summary>
public sealed class EvidenceRecorderTests : IDisposable
{
    private readonly TempDirectory _dir = new("evidence");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private readonly List<(string Topic, byte[] Payload)> _published = [];

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EncodeAsync_StudioFrame_SmallBaselineJpeg()
    {
        var encoder = new ThumbnailEncoder("ffmpeg", _dir.Path, VisionDefaults.ThumbnailQuality);

        var jpeg = await encoder.EncodeAsync(new StudioScene().Render(), StudioScene.Width, StudioScene.Height, CancellationToken.None);

        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg.Jpeg[..3]);
        Assert.Equal([0xFF, 0xD9], jpeg.Jpeg[^2..]);
        Assert.InRange(jpeg.Jpeg.Length, 2_000, 40 * 1024);
        Assert.Equal((640, 360), (jpeg.Width, jpeg.Height));
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task EncodeAsync_NoiseFrame_LowersQualityUntilItFitsTheMessage()
    {
        var noise = new byte[Frame.ByteCount(640, 360)];
        new Random(7).NextBytes(noise);
        var encoder = new ThumbnailEncoder("ffmpeg", _dir.Path, 2);

        var jpeg = await encoder.EncodeAsync(noise, 640, 360, CancellationToken.None);

        Assert.True(jpeg.Jpeg.Length <= ThumbnailMessage.MaxJpegBytes, jpeg.Jpeg.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(jpeg.Quality > 2 || jpeg.Width < 640);
    }

    [Fact]
    public async Task OnFrame_EveryFewSeconds_OneThumbnailPerInterval()
    {
        var recorder = Recorder(TimeSpan.FromMinutes(5));
        using var stop = new CancellationTokenSource();
        var run = recorder.RunAsync(stop.Token);

        // 12 minutes of frames every 10 s: at 0, 5 and 10 minutes.
        for (var i = 0; i < 72; i++)
        {
            recorder.OnFrame(FrameAt(_time.GetUtcNow()));
            await Eventually.WaitAsync(() => recorder.Recorded + recorder.Failed >= Expected(i), TimeSpan.FromSeconds(30), "the thumbnail");
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        await stop.CancelAsync();
        await run;
        Assert.Equal(3, recorder.Recorded);
        Assert.Equal(0, recorder.Failed);
        Assert.Equal(3, _published.Count);
        Assert.All(_published, p => Assert.Equal("liveroom/v1/demo/room-1/thumbnail", p.Topic));
        Assert.All(_published, p => Assert.True(p.Payload.Length < Limits.MaxPayloadBytes));
        var files = Directory.GetFiles(recorder.Directory, "*.jpg", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.EndsWith("-interval.jpg", f, StringComparison.Ordinal));

        static int Expected(int i) => i < 30 ? 1 : i < 60 ? 2 : 3;
    }

    [Fact]
    public async Task Append_VisionEventStarts_ThumbnailOfTheNextFrameWithTheEventAsReason()
    {
        var recorder = Recorder(TimeSpan.FromHours(1));
        var sink = new EvidenceTriggerSink(new RecordingPointSink(), recorder);
        using var stop = new CancellationTokenSource();
        var run = recorder.RunAsync(stop.Token);
        recorder.OnFrame(FrameAt(_time.GetUtcNow()));
        await Eventually.WaitAsync(() => recorder.Recorded == 1, TimeSpan.FromSeconds(30), "the first thumbnail");

        _time.Advance(TimeSpan.FromSeconds(10));
        var ts = _time.GetUtcNow().ToUnixTimeMilliseconds();
        sink.Append(EventPoints.Create(VisionEventTypes.ColourCast, ts, "recovered", active: false, duration: 5));
        sink.Append(EventPoints.Create(VisionEventTypes.TooDark, ts, "mean luma 30", 30, 50, active: true));
        recorder.OnFrame(FrameAt(_time.GetUtcNow()));
        await Eventually.WaitAsync(() => recorder.Recorded == 2, TimeSpan.FromSeconds(30), "the event thumbnail");
        _time.Advance(TimeSpan.FromSeconds(10));
        recorder.OnFrame(FrameAt(_time.GetUtcNow()));

        await stop.CancelAsync();
        await run;
        var reasons = _published.Select(p => System.Text.Json.JsonSerializer.Deserialize(p.Payload, VisionJsonContext.Default.ThumbnailMessage)!.Reason).ToList();
        Assert.Equal([ThumbnailReasons.Interval, VisionEventTypes.TooDark], reasons);
    }

    [Fact]
    public async Task RunAsync_PublishFails_JpegKeptOnDiskAndCounted()
    {
        var encoder = new ThumbnailEncoder("ffmpeg", _dir.Path, VisionDefaults.ThumbnailQuality);
        var recorder = new EvidenceRecorder(
            "demo", "room-1", new VisionOptions(), _dir.Combine("evidence"), encoder, new ReferenceCandidates(_dir.Combine("reference")),
            (_, _, _) => throw new Mqtt.MqttException("not connected"), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = recorder.RunAsync(stop.Token);

        recorder.OnFrame(FrameAt(_time.GetUtcNow()));
        await Eventually.WaitAsync(() => recorder.Failed == 1, TimeSpan.FromSeconds(30), "the failed publish");

        await stop.CancelAsync();
        await run;
        Assert.Equal(1, recorder.Recorded);
        Assert.Single(Directory.GetFiles(recorder.Directory, "*.jpg", SearchOption.AllDirectories));
    }

    private EvidenceRecorder Recorder(TimeSpan interval)
    {
        var encoder = new ThumbnailEncoder("ffmpeg", _dir.Path, VisionDefaults.ThumbnailQuality);
        return new EvidenceRecorder(
            "demo",
            "room-1",
            new VisionOptions { ThumbnailInterval = interval },
            _dir.Combine("evidence"),
            encoder,
            new ReferenceCandidates(_dir.Combine("reference")),
            (topic, payload, _) =>
            {
                lock (_published)
                {
                    _published.Add((topic, payload));
                }

                return Task.CompletedTask;
            },
            NullLogger.Instance);
    }

    internal static Frame FrameAt(DateTimeOffset at, StudioScene? scene = null)
    {
        var frame = new Frame(StudioScene.Width, StudioScene.Height);
        (scene ?? new StudioScene()).Render().CopyTo(frame.Raw, 0);
        frame.Timestamp = at;
        return frame;
    }
}
