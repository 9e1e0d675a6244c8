using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Tests.Publishing;
using LiveRoom.Runtime.Processes;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Hosting;

/// <summary>The executable as an operator runs it: settings on the command line, real broker, real ffmpeg.</summary>
public sealed class ProbeHostTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new("probe-host");

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, string> Settings(string room = "r1", string source = "x") => new(StringComparer.Ordinal)
    {
        ["Probe:Site"] = "s1",
        ["Probe:Room"] = room,
        ["Probe:SourceUrl"] = source,
    };

    [Fact]
    public async Task Run_BadRoomId_ExitsWithOneLineNamingTheKeyAndTheRule()
    {
        var result = await ProbeProcess.RunToExitAsync(_dir.Path, Settings(room: "room 1/#"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Probe:Room", line, StringComparison.Ordinal);
        Assert.Contains("letters, digits", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FfmpegMissing_NamesTheProgram()
    {
        var settings = Settings();
        settings["Probe:Ffmpeg"] = "ffmpeg-not-installed";

        var result = await ProbeProcess.RunToExitAsync(_dir.Path, settings);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'ffmpeg-not-installed' was not found", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutOfRangeSettings_ListsEachKeyWithItsRange()
    {
        var settings = Settings();
        settings["Probe:Mqtt:Port"] = "70000";
        settings["Probe:Outbox:MaxBytes"] = "1000";

        var result = await ProbeProcess.RunToExitAsync(_dir.Path, settings);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Probe:Mqtt:Port is 70000; allowed 1-65535", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Probe:Outbox:MaxBytes is 1000; allowed at least 1048576", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithBrokerAndSource_PublishesMeasuredStreamStatusAndHonoursAcks_AcrossRestart()
    {
        var file = _dir.Combine("1080p30.ts");
        var made = await ProcessRunner.RunAsync(
            "ffmpeg",
            ["-hide_banner", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30", "-f", "lavfi", "-i", "sine=sample_rate=48000",
             "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-b:v", "3M", "-c:a", "aac", "-f", "mpegts", file],
            TimeSpan.FromSeconds(120),
            CancellationToken.None);
        Assert.Equal(0, made.ExitCode);
        var (broker, brokerDir) = await Services.StartMosquittoAsync();
        await using var _ = broker;
        using var __ = brokerDir;
        await using var tap = await StartTapAsync(broker);
        var settings = Settings(source: file);
        settings["Probe:Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture);

        var probe = ProbeProcess.Start(_dir.Path, settings);
        MetricPoint measured;
        string edge;
        long ackUpTo;
        await using (probe)
        {
            var batch = await Eventually.WaitAsync(
                () => Task.FromResult(tap.Batches().FirstOrDefault(b => b.Batch.Points.Any(p => p.Kind == MetricKind.Stream && p.Fields.ContainsKey(MetricKind.StreamFields.Fps)))),
                b => b.Batch is not null || probe.HasExited,
                Wait,
                "a measured stream point");
            Assert.False(probe.HasExited, probe.StderrTail());
            measured = batch.Batch.Points.First(p => p.Fields.ContainsKey(MetricKind.StreamFields.Fps));
            edge = batch.Batch.Edge;
            Assert.Equal(Topic.Status("s1", "r1"), Assert.Single(tap.Messages, m => Status(m.Payload) == StatusMessage.Online).Topic);

            ackUpTo = tap.Batches().Max(b => b.Batch.Points[^1].Seq);
            await tap.AckAsync(Topic.Ack("s1", "r1"), edge, ackUpTo);
            var meta = _dir.Combine("outbox", "outbox.meta");
            await Eventually.WaitAsync(() => AckedInMeta(meta) >= ackUpTo, Wait, "the ack persisted by the probe");
            await probe.StopAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(0, probe.ExitCode);
            await Eventually.WaitAsync(() => tap.Messages.Any(m => Status(m.Payload) == StatusMessage.Offline), Wait, "offline status");

            using var outbox = DiskOutbox.Open(new OutboxOptions { Directory = _dir.Combine("outbox") }, new FakeTimeProvider());
            Assert.Equal(edge, outbox.EdgeId);
            Assert.Equal(ackUpTo, outbox.Acked);
        }

        tap.AssertAllAcceptedByCollector();
        Assert.Equal(1920, measured.Fields[MetricKind.StreamFields.Width].Number);
        Assert.Equal(1080, measured.Fields[MetricKind.StreamFields.Height].Number);
        Assert.Equal(30, measured.Fields[MetricKind.StreamFields.Fps].Number, 1);
        Assert.True(measured.Fields[MetricKind.StreamFields.Bitrate].Number > 1_000_000);

        // Killed hard and started again: same identity, numbering continues, nothing below the ack is sent again.
        var maxBefore = tap.Batches().Max(b => b.Batch.Points[^1].Seq);
        var countBefore = tap.Batches().Count;
        var again = ProbeProcess.Start(_dir.Path, settings);
        await using (again)
        {
            await Eventually.WaitAsync(() => tap.Batches().Skip(countBefore).Any(b => b.Batch.Points[^1].Seq > maxBefore) || again.HasExited, Wait, "new points after restart");
            again.Kill();
        }

        var after = tap.Batches().Skip(countBefore).ToList();
        Assert.All(after, b => Assert.Equal(edge, b.Batch.Edge));
        Assert.All(after.SelectMany(b => b.Batch.Points), p => Assert.True(p.Seq > ackUpTo, $"seq {p.Seq} re-sent after ack {ackUpTo}"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_BrokerDownAtStart_KeepsMeasuring_ThenDeliversFromSeqOne(bool killedDuringOutage)
    {
        var port = FreePort.Next();
        var settings = Settings(source: _dir.Combine("no-encoder-yet.ts"));
        settings["Probe:Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["Probe:Outbox:ResendAfter"] = "00:00:02";
        var probe = ProbeProcess.Start(_dir.Path, settings);
        if (killedDuringOutage)
        {
            await using (probe)
            {
                await WaitForOutboxBytesAsync(probe, 500);
                probe.Kill();
            }

            var bytesAtKill = OutboxBytes();
            probe = ProbeProcess.Start(_dir.Path, settings);
            await WaitForOutboxBytesAsync(probe, bytesAtKill + 500);
        }

        await using (probe)
        {
            await WaitForOutboxBytesAsync(probe, 500);

            var (broker, brokerDir) = await Services.StartMosquittoAsync(dir => new MosquittoServerOptions { DataDirectory = dir, Port = port });
            await using var _ = broker;
            using var __ = brokerDir;
            await using var tap = await StartTapAsync(broker);

            await Eventually.WaitAsync(
                () =>
                {
                    var seqs = tap.SeqsReceived();
                    return seqs.Count >= 5 && seqs.Min() == 1 && seqs.Max() == seqs.Count;
                },
                Wait,
                "every point from seq 1, without a gap");
            await probe.StopAsync(TimeSpan.FromSeconds(15));
        }
    }

    private long OutboxBytes() =>
        Directory.Exists(_dir.Combine("outbox")) ? Directory.GetFiles(_dir.Combine("outbox"), "*.seg").Sum(f => new FileInfo(f).Length) : 0;

    private async Task WaitForOutboxBytesAsync(ChildProcess probe, long bytes)
    {
        await Eventually.WaitAsync(() => OutboxBytes() > bytes || probe.HasExited, Wait, $"more than {bytes} bytes in the outbox while the broker is down");
        Assert.False(probe.HasExited, probe.StderrTail());
    }

    private static long AckedInMeta(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.GetProperty("acked").GetInt64();
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return -1;
        }
    }

    /// <summary>The collector's view: metrics, events, checklist, status, ack (not the retained state and display, which are not batches).</summary>
    private static async Task<MqttTap> StartTapAsync(MosquittoServer broker)
    {
        var tap = await MqttTap.StartAsync(broker.Host, broker.Port, "liveroom/v1/s1/r1/metrics/#");
        foreach (var topic in new[] { Topic.Events("s1", "r1"), Topic.Checklist("s1", "r1"), Topic.Status("s1", "r1"), Topic.Ack("s1", "r1") })
        {
            await tap.Client.SubscribeAsync(topic, Mqtt.MqttQos.AtLeastOnce, CancellationToken.None);
        }

        return tap;
    }

    private static string? Status(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload.Span, ContractsJsonContext.Default.StatusMessage)?.Status;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
