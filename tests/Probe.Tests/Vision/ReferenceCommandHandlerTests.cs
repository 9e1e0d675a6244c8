using System.Text.Json;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Mqtt;
using LiveRoom.Probe.Tests.Obs;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Analysis;
using LiveRoom.Probe.Vision.Evidence;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Tests.Vision;

/// <summary>The edge's <c>cmd/reference</c>: capture a candidate from the sampled frames, promote it with regions, reload.</summary>
public sealed class ReferenceCommandHandlerTests : IDisposable
{
    private const string Topic = "liveroom/v1/demo/room-1/cmd/reference";
    private static readonly ReferenceRegions Regions = new()
    {
        Backdrop = new RegionRect(0, 0, 1, 0.6),
        Desk = new RegionRect(0, 0.6, 1, 0.2),
        Seat = new RegionRect(0.35, 0.1, 0.3, 0.5),
        Background = new RegionRect(0, 0.8, 1, 0.2),
    };

    private readonly TempDirectory _dir = new("reference");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private readonly List<ThumbnailMessage> _published = [];

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Handle_CaptureThenApprove_CandidatePublishedPromotedAndMonitorCommissioned()
    {
        var (recorder, handler, sink, monitor) = Edge();
        using var stop = new CancellationTokenSource();
        var run = recorder.RunAsync(stop.Token);
        monitor.OnFrame(EvidenceRecorderTests.FrameAt(_time.GetUtcNow()));
        Assert.False(monitor.Last!.Value.Commissioned);

        Assert.Equal("capture requested", handler.Handle(Message(ReferenceCommand.Capture, "c1")));
        recorder.OnFrame(EvidenceRecorderTests.FrameAt(_time.GetUtcNow()));
        await Eventually.WaitAsync(() => _published.Any(m => m.Reason == ThumbnailReasons.ReferenceCandidate), TimeSpan.FromSeconds(30), "the candidate");
        var candidate = _published.Single(m => m.Reason == ThumbnailReasons.ReferenceCandidate);
        Assert.Equal("c1", candidate.Capture);

        var answer = handler.Handle(Message(ReferenceCommand.Approve, "c1", 3, Regions, retain: true));
        monitor.OnFrame(EvidenceRecorderTests.FrameAt(_time.GetUtcNow()));

        await stop.CancelAsync();
        await run;
        Assert.Equal("reference version 3 active", answer);
        var stored = ReferenceStore.Load(_dir.Combine("reference"), out var problem);
        Assert.Null(problem);
        Assert.Equal((3, "tech"), (stored!.Version, stored.CapturedBy));
        Assert.Equal(0.6, stored.Layout.Backdrop.Height, 6);
        Assert.True(monitor.Last!.Value.Commissioned);
        Assert.Equal("already at version 3", handler.Handle(Message(ReferenceCommand.Approve, "c1", 3, Regions, retain: true)));
        Assert.Contains(sink.Points, p => p.Fields.TryGetValue(VisionFields.ReferenceVersion, out var v) && v.Number == 3);
    }

    [Fact]
    public void Handle_ApproveUnknownCapture_RefusedAndNothingStored()
    {
        var (_, handler, _, _) = Edge();

        var answer = handler.Handle(Message(ReferenceCommand.Approve, "nope", 1, Regions));

        Assert.Contains("no captured frame 'nope'", answer, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.Combine("reference", ReferenceStore.MetadataFile)));
    }

    [Fact]
    public void Handle_BadRegionsOrPayload_RefusedWithTheReason()
    {
        var (_, handler, _, _) = Edge();
        new ReferenceCandidates(_dir.Combine("reference")).Save("c2", new StudioScene().Render(), StudioScene.Width, StudioScene.Height, _time.GetUtcNow());

        var outside = handler.Handle(Message(ReferenceCommand.Approve, "c2", 1, Regions with { Desk = new RegionRect(0.5, 0.6, 0.7, 0.2) }));
        var garbage = handler.Handle(new MqttMessage(Topic, "{not json"u8.ToArray(), MqttQos.AtLeastOnce, false));

        Assert.Contains("region 'desk'", outside, StringComparison.Ordinal);
        Assert.Contains("outside the frame", outside, StringComparison.Ordinal);
        Assert.StartsWith("unreadable reference command", garbage, StringComparison.Ordinal);
    }

    private (EvidenceRecorder Recorder, ReferenceCommandHandler Handler, RecordingPointSink Sink, VisionMonitor Monitor) Edge()
    {
        var candidates = new ReferenceCandidates(_dir.Combine("reference"));
        var recorder = new EvidenceRecorder(
            "demo", "room-1", new VisionOptions(), _dir.Combine("evidence"), new ThumbnailEncoder("ffmpeg", _dir.Path, 7), candidates,
            (_, payload, _) =>
            {
                lock (_published)
                {
                    _published.Add(JsonSerializer.Deserialize(payload, VisionJsonContext.Default.ThumbnailMessage)!);
                }

                return Task.CompletedTask;
            },
            NullLogger.Instance);
        var sink = new RecordingPointSink();
        var monitor = new VisionMonitor(sink, new VisionOptions(), null);
        return (recorder, new ReferenceCommandHandler("demo", "room-1", recorder, candidates, monitor, _time, NullLogger.Instance), sink, monitor);
    }

    private MqttMessage Message(string action, string capture, int version = 0, ReferenceRegions? regions = null, bool retain = false) =>
        new(Topic, JsonSerializer.SerializeToUtf8Bytes(
            new ReferenceCommand { V = 1, Action = action, CaptureId = capture, Version = version, Regions = regions, By = "tech", Ts = _time.GetUtcNow().ToUnixTimeMilliseconds() },
            VisionJsonContext.Default.ReferenceCommand), MqttQos.AtLeastOnce, retain);
}
