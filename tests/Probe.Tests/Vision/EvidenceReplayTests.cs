using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Evidence;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Vision;

/// <summary>
/// Thumbnails the broker did not confirm (with the real ffmpeg and a fake broker that fails, hangs and recovers): stored
/// and marked anyway, replayed oldest first exactly once, across a restart, byte for byte; pruned ones counted lost.
/// </summary>
public sealed class EvidenceReplayTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new("replay");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeBroker _broker = new();
    private readonly ListLogger<EvidenceRecorder> _log = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_BrokerHangs_LaterThumbnailsStoredAndMarkedThenSentOnTheLatePuback()
    {
        _broker.Mode = BrokerMode.Hung;
        var recorder = Recorder();
        using var stop = new CancellationTokenSource();
        var run = await StartAsync(recorder, stop.Token);

        Shoot(recorder, null);
        await Eventually.WaitAsync(() => _broker.Attempts.Count == 1, Wait, "the first publication");
        Shoot(recorder, VisionEventTypes.TooDark); // queued behind the hung publication
        Shoot(recorder, VisionEventTypes.CameraBlocked);

        // The fake clock moves only here, so the bounded wait can only end by its timeout.
        await Eventually.WaitAsync(() => Advance(recorder.Recorded == 3 && recorder.Unsent == 3), Wait, "three thumbnails stored while the broker hangs");
        Assert.Single(_broker.Attempts); // a silent broker is not asked again until it answers
        Assert.Equal(1, recorder.Failed);
        Assert.Equal(3, Files(recorder, "*.jpg").Count);
        Assert.Equal(3, Files(recorder, "*.unsent").Count);

        _broker.Mode = BrokerMode.Up;
        _broker.AckHung(); // the late PUBACK (libmosquitto sent it after all)
        await Eventually.WaitAsync(() => recorder.Replayed == 2, Wait, "the replay after the late PUBACK");

        await stop.CancelAsync();
        await run;
        Assert.Equal(1, recorder.Published);
        Assert.Equal(3, _broker.Acked.Count);
        Assert.Equal([ThumbnailReasons.Interval, VisionEventTypes.TooDark, VisionEventTypes.CameraBlocked], _broker.Acked.Select(m => Decode(m).Reason));
        Assert.Empty(Files(recorder, "*.unsent"));
    }

    [Fact]
    public async Task RequestReplay_PublicationsFailed_ReplayedOldestFirstExactlyOnce()
    {
        var recorder = Recorder();
        using var stop = new CancellationTokenSource();
        var run = await StartWithUnsentAsync(recorder, stop.Token, null, VisionEventTypes.FramingDrift, VisionEventTypes.OutOfFocus);

        var failed = _broker.Attempts.ToList();
        _broker.Mode = BrokerMode.Up;
        recorder.RequestReplay(); // what the worker does on ConnectionChanged(connected)
        await Eventually.WaitAsync(() => recorder.ReplayPasses == 2, Wait, "the replay after the reconnect");
        recorder.RequestReplay(); // a second reconnect: nothing left to send
        await Eventually.WaitAsync(() => recorder.ReplayPasses == 3, Wait, "the second replay");

        await stop.CancelAsync();
        await run;
        Assert.Equal(3, recorder.Replayed);
        Assert.Equal(3, recorder.Failed);
        Assert.Equal(0, recorder.Published);
        Assert.Equal(failed, _broker.Acked); // the same payloads, oldest first, once each
        Assert.True(_broker.Acked.Select(m => Decode(m).Ts).SequenceEqual(_broker.Acked.Select(m => Decode(m).Ts).Order()));
        Assert.Empty(Files(recorder, "*.unsent"));
        Assert.Equal(3, Files(recorder, "*.jpg").Count);
    }

    [Fact]
    public async Task RunAsync_NewRecorderOverTheSameDirectory_ReplaysFailedAndInFlightThumbnailsIdentically()
    {
        var stored = new List<ThumbnailMessage>();
        _broker.Mode = BrokerMode.Failing;
        var before = Recorder();
        before.Stored += (m, _) => stored.Add(m);
        using (var stop = new CancellationTokenSource())
        {
            var run = await StartAsync(before, stop.Token);
            before.RequestCapture("cap-1"); // a reference candidate: the capture id must survive too
            Shoot(before, null);
            await Eventually.WaitAsync(() => before.Unsent == 1, Wait, "the failed publication");

            // The probe stops while the next one waits for its PUBACK.
            _broker.Mode = BrokerMode.Hung;
            Shoot(before, VisionEventTypes.TooDark);
            await Eventually.WaitAsync(() => _broker.Attempts.Count == 2, Wait, "the publication in flight");
            await stop.CancelAsync();
            await run;
        }

        var original = _broker.Attempts.ToList();
        _broker.Mode = BrokerMode.Up;
        var after = Recorder();
        using (var stop = new CancellationTokenSource())
        {
            var run = await StartAsync(after, stop.Token);
            await stop.CancelAsync();
            await run;
        }

        Assert.Equal(2, after.Replayed);
        Assert.Equal(original, _broker.Acked); // byte for byte: the central store names it by ts and reason and keeps it once
        var (first, replayed) = (Assert.Single(stored), _broker.Acked.Select(Decode).ToList()); // Stored: once the attempt is over
        Assert.Equal((first.Ts, first.Reason, first.Capture, first.Width, first.Height), (replayed[0].Ts, replayed[0].Reason, replayed[0].Capture, replayed[0].Width, replayed[0].Height));
        Assert.Equal(first.Jpeg, replayed[0].Jpeg);
        Assert.Equal(("cap-1", ThumbnailReasons.ReferenceCandidate), (replayed[0].Capture, replayed[0].Reason));
        Assert.Equal([ThumbnailReasons.ReferenceCandidate, VisionEventTypes.TooDark], replayed.Select(m => m.Reason));
        Assert.Empty(Files(after, "*.unsent"));
    }

    [Fact]
    public async Task RequestReplay_UnsentJpegPrunedByTheBound_CountedLostAndLoggedOnce()
    {
        var recorder = Recorder();
        using var stop = new CancellationTokenSource();
        var run = await StartWithUnsentAsync(recorder, stop.Token, null, VisionEventTypes.TooDark, VisionEventTypes.Overexposed);

        // The directory bound (the recorder's own prune, with a bound the two newest fit in) removes the oldest JPEG.
        var jpegs = Files(recorder, "*.jpg");
        new EvidenceDirectory(recorder.Directory, new FileInfo(jpegs[1]).Length + new FileInfo(jpegs[2]).Length).Prune();
        Assert.Equal(3, Files(recorder, "*.unsent").Count);
        _broker.Mode = BrokerMode.Up;
        recorder.RequestReplay();
        await Eventually.WaitAsync(() => recorder.ReplayPasses == 2, Wait, "the replay");

        await stop.CancelAsync();
        await run;
        Assert.Equal((1, 2), (recorder.Lost, recorder.Replayed));
        Assert.Equal([VisionEventTypes.TooDark, VisionEventTypes.Overexposed], _broker.Acked.Select(m => Decode(m).Reason));
        var lost = Assert.Single(_log.Lines, l => l.Contains("were lost", StringComparison.Ordinal));
        Assert.Contains(Path.GetFileName(jpegs[0]), lost, StringComparison.Ordinal);
        Assert.Empty(Files(recorder, "*.unsent"));
    }

    [Fact]
    public async Task RunAsync_UnreadableMark_CountedLostAndTheRestReplayed()
    {
        _broker.Mode = BrokerMode.Failing;
        var recorder = Recorder();
        using (var stop = new CancellationTokenSource())
        {
            var run = recorder.RunAsync(stop.Token);
            Shoot(recorder, null);
            await Eventually.WaitAsync(() => recorder.Unsent == 1, Wait, "the failed publication");
            await stop.CancelAsync();
            await run;
        }

        var day = Path.GetDirectoryName(Files(recorder, "*.jpg")[0])!;
        File.WriteAllText(Path.Combine(day, "1000-interval.unsent"), "{ not json");
        File.WriteAllBytes(Path.Combine(day, "1000-interval.jpg"), [0xFF, 0xD8, 0xFF, 0xD9]);
        _broker.Mode = BrokerMode.Up;
        var after = Recorder();
        using (var stop = new CancellationTokenSource())
        {
            var run = await StartAsync(after, stop.Token);
            await stop.CancelAsync();
            await run;
        }

        Assert.Equal((1, 1), (after.Lost, after.Replayed));
        Assert.Contains(_log.Lines, l => l.Contains("1000-interval.jpg cannot be read", StringComparison.Ordinal));
        Assert.Empty(Files(after, "*.unsent"));
    }

    [Fact]
    public async Task RequestReplay_BrokerRefusesTheOldestForGood_DroppedFromTheReplayAndTheRestSent()
    {
        var recorder = Recorder();
        using var stop = new CancellationTokenSource();
        var run = await StartWithUnsentAsync(recorder, stop.Token, null, VisionEventTypes.TooDark, VisionEventTypes.Overexposed);

        // The broker now refuses the oldest one for good (0x87) and takes the others: the refusal must neither stop the
        // pass nor come back in the next one.
        _broker.Mode = BrokerMode.Up;
        _broker.RefuseIf = payload => Decode(payload).Reason == ThumbnailReasons.Interval;
        recorder.RequestReplay();
        await Eventually.WaitAsync(() => recorder.ReplayPasses == 2, Wait, "the replay");
        var attempts = _broker.Attempts.Count;
        recorder.RequestReplay();
        await Eventually.WaitAsync(() => recorder.ReplayPasses == 3, Wait, "the next replay");

        await stop.CancelAsync();
        await run;
        Assert.Equal((1L, 2L, 0L), (recorder.Refused, recorder.Replayed, recorder.Lost));
        Assert.Equal(attempts, _broker.Attempts.Count); // nothing left to send
        Assert.Equal([VisionEventTypes.TooDark, VisionEventTypes.Overexposed], _broker.Acked.Select(m => Decode(m).Reason));
        var refused = Assert.Single(_log.Lines, l => l.Contains("refused by the broker", StringComparison.Ordinal));
        Assert.Contains("not authorised (reason code 0x87)", refused, StringComparison.Ordinal);
        Assert.Empty(Files(recorder, "*.unsent"));
        Assert.Equal(3, Files(recorder, "*.jpg").Count); // still evidence on this PC
    }

    [Fact]
    public async Task RunAsync_FirstPublicationRefusedForGood_KeptOnDiskNotMarked()
    {
        _broker.Mode = BrokerMode.Up;
        _broker.RefuseIf = _ => true;
        var recorder = Recorder();
        using var stop = new CancellationTokenSource();
        var run = await StartAsync(recorder, stop.Token);
        Shoot(recorder, null);
        await Eventually.WaitAsync(() => recorder.Refused == 1, Wait, "the refused publication");

        await stop.CancelAsync();
        await run;
        Assert.Equal((1L, 0L, 0L), (recorder.Failed, recorder.Unsent, recorder.Published));
        Assert.Empty(Files(recorder, "*.unsent"));
        Assert.Single(Files(recorder, "*.jpg"));
    }

    [Theory]
    [InlineData(0x87, true)]
    [InlineData(0x90, true)]
    [InlineData(0x95, true)]
    [InlineData(0x99, true)]
    [InlineData(0x97, false)] // quota exceeded: may pass later
    [InlineData(0x80, false)]
    [InlineData(-1, false)] // the library's own failure (not connected)
    public void IsPermanentRefusal_OnlyReasonsTheSameMessageWouldGetAgain(int reasonCode, bool permanent) =>
        Assert.Equal(permanent, EvidenceRecorder.IsPermanentRefusal(new Mqtt.MqttPublishException("refused", reasonCode)));

    /// <summary>Starts the recorder and waits for its start-up replay pass; returns its run.</summary>
    private static async Task<Task> StartAsync(EvidenceRecorder recorder, CancellationToken stop)
    {
        var run = recorder.RunAsync(stop);
        await Eventually.WaitAsync(() => recorder.ReplayPasses == 1, Wait, "the start-up replay");
        return run;
    }

    /// <summary>Starts the recorder with the broker failing and shoots one thumbnail per reason, each left marked unsent.</summary>
    private async Task<Task> StartWithUnsentAsync(EvidenceRecorder recorder, CancellationToken stop, params string?[] reasons)
    {
        _broker.Mode = BrokerMode.Failing;
        var run = await StartAsync(recorder, stop);
        for (var i = 0; i < reasons.Length; i++)
        {
            Shoot(recorder, reasons[i]);
            await Eventually.WaitAsync(() => recorder.Unsent == i + 1, Wait, "the failed publication");
        }

        return run;
    }

    private EvidenceRecorder Recorder() =>
        new(
            "demo",
            "room-1",
            new VisionOptions { ThumbnailInterval = TimeSpan.FromHours(1), ThumbnailPublishTimeout = PublishTimeout },
            _dir.Combine("evidence"),
            new ThumbnailEncoder("ffmpeg", _dir.Path, VisionDefaults.ThumbnailQuality),
            new ReferenceCandidates(_dir.Combine("reference")),
            _broker.PublishAsync,
            _log,
            _time);

    /// <summary>A frame now (the first one is the interval thumbnail; later ones need an event), then a second later.</summary>
    private void Shoot(EvidenceRecorder recorder, string? reason)
    {
        if (reason is not null)
        {
            recorder.Trigger(reason);
        }

        recorder.OnFrame(EvidenceRecorderTests.FrameAt(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
    }

    private bool Advance(bool done)
    {
        if (!done)
        {
            _time.Advance(PublishTimeout / 2);
        }

        return done;
    }

    private static List<string> Files(EvidenceRecorder recorder, string pattern) =>
        [.. Directory.GetFiles(recorder.Directory, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private static ThumbnailMessage Decode(byte[] payload) => JsonSerializer.Deserialize(payload, VisionJsonContext.Default.ThumbnailMessage)!;

    private enum BrokerMode
    {
        Up,
        Failing,
        Hung,
    }

    /// <summary>The MQTT client's QoS 1 publish as the recorder sees it: acknowledged, refused at once, or never answered.</summary>
    private sealed class FakeBroker
    {
        private readonly Lock _gate = new();
        private readonly List<byte[]> _attempts = [];
        private readonly List<byte[]> _acked = [];
        private readonly List<(byte[] Payload, TaskCompletionSource Puback)> _hung = [];

        public BrokerMode Mode { get; set; }

        /// <summary>While up, the payloads the broker refuses with 0x87 (not authorised), as MosquittoClient reports it.</summary>
        public Func<byte[], bool> RefuseIf { get; set; } = _ => false;

        public IReadOnlyList<byte[]> Attempts
        {
            get
            {
                lock (_gate)
                {
                    return [.. _attempts];
                }
            }
        }

        public IReadOnlyList<byte[]> Acked
        {
            get
            {
                lock (_gate)
                {
                    return [.. _acked];
                }
            }
        }

        public Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
        {
            Assert.Equal("liveroom/v1/demo/room-1/thumbnail", topic);
            lock (_gate)
            {
                _attempts.Add(payload);
                switch (Mode)
                {
                    case BrokerMode.Up when RefuseIf(payload):
                        return Task.FromException(new Mqtt.MqttPublishException("broker refused publish to 'liveroom/v1/demo/room-1/thumbnail': not authorised (reason code 0x87)", 0x87));
                    case BrokerMode.Up:
                        _acked.Add(payload);
                        return Task.CompletedTask;
                    case BrokerMode.Failing:
                        throw new Mqtt.MqttException("not connected");
                    default:
                        var puback = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        _hung.Add((payload, puback));
                        return puback.Task;
                }
            }
        }

        public void AckHung()
        {
            List<(byte[] Payload, TaskCompletionSource Puback)> hung;
            lock (_gate)
            {
                hung = [.. _hung];
                _hung.Clear();
                _acked.AddRange(hung.Select(h => h.Payload));
            }

            foreach (var (_, puback) in hung)
            {
                puback.SetResult();
            }
        }
    }
}
