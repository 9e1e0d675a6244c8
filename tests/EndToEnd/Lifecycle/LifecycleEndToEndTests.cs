using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Processes;
using LiveRoom.Ingest.Uplink;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace LiveRoom.EndToEnd.Lifecycle;

/// <summary>
/// Issue 6, "Done when", with short offsets: real Mosquitto, the real <c>liveroom-probe</c>, real ffmpeg. A retained
/// schedule starts the checklist; the uplink test against a refusing endpoint makes the room NOT READY (retained
/// state and display, and the edge's door page); a working endpoint makes it READY; a 1080p30 stream at show time is
/// ON AIR; stopping it ends the show and the room returns to FREE. The run record (checklist points on the broker and
/// the JSON on disk) holds every item.
/// </summary>
public sealed class LifecycleEndToEndTests(ITestOutputHelper output)
{
    private const string Site = "e2e";
    private const string Room = "r1";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Edge_ScheduledShow_NotReadyThenReadyThenOnAirThenFree_RunRecordHoldsEveryItem()
    {
        using var dir = new TempDirectory("lifecycle-e2e");
        var (broker, brokerDir) = await Services.StartMosquittoAsync();
        await using var _ = broker;
        using var __ = brokerDir;
        var messages = new ConcurrentQueue<MqttMessage>();
        await using var tap = new MosquittoClient(new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = broker.Port,
            ClientId = "e2e-tap",
            OnMessage = (m, _) =>
            {
                messages.Enqueue(m);
                return ValueTask.CompletedTask;
            },
        });
        await tap.ConnectAsync(CancellationToken.None);
        await tap.SubscribeAsync(Topic.RoomPrefix(Site, Room) + "/#", MqttQos.AtLeastOnce, CancellationToken.None);

        var srtPort = FreePort.Next();
        var uplinkPort = FreePort.Next();
        var doorPort = FreePort.Next();
        var lifecycleDir = dir.Combine("lifecycle");
        var edge = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "liveroom-probe",
            FileName = ProbeExecutable.Path,
            Arguments =
            [
                $"--Probe:Site={Site}", $"--Probe:Room={Room}",
                $"--Probe:SourceUrl=srt://127.0.0.1:{P(srtPort)}?mode=listener",
                "--Probe:Mqtt:Host=127.0.0.1", $"--Probe:Mqtt:Port={P(broker.Port)}",
                $"--Probe:Outbox:Directory={dir.Combine("outbox")}",
                $"--Probe:Lifecycle:Directory={lifecycleDir}",
                "--Probe:Lifecycle:ChecklistLead=00:00:20", "--Probe:Lifecycle:ReadyDeadline=00:00:05",
                "--Probe:Lifecycle:RecheckInterval=00:00:03", "--Probe:Lifecycle:EndedHold=00:00:03",
                "--Probe:Lifecycle:LiveLead=00:00:15", "--Probe:Lifecycle:MinDiskFreeGiB=0.1",
                $"--Probe:Network:UplinkUrl=http://127.0.0.1:{P(uplinkPort)}{UplinkDefaults.Path}", "--Probe:Network:UplinkTestDuration=00:00:02",
                $"--Probe:Display:Url=http://127.0.0.1:{P(doorPort)}",
                $"--Logging:Directory={dir.Combine("logs")}",
            ],
            WorkingDirectory = dir.Path,
        });
        ChildProcess? encoder = null;
        UplinkEndpoint? receiver = null;
        try
        {
            await Eventually.WaitAsync(() => States(messages).Any(), Wait, "the edge's first retained state");
            var start = DateTimeOffset.UtcNow.AddSeconds(25);
            var show = new ScheduledShow { Id = "show-e2e", Title = "Evening sale", Host = "Lin", Start = start.ToUnixTimeMilliseconds(), End = start.AddSeconds(60).ToUnixTimeMilliseconds() };
            var schedule = new ScheduleMessage
            {
                V = SchemaVersion.Current, Site = Site, Room = Room, Ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), TimeZone = "Asia/Shanghai",
                Shows = [show], Manual = [new ManualItem { Id = "backdrop", Text = "Backdrop clean" }],
            };
            await tap.PublishAsync(Topic.Command(Site, Room, CommandName.Schedule), JsonSerializer.SerializeToUtf8Bytes(schedule, ContractsJsonContext.Default.ScheduleMessage), MqttQos.AtLeastOnce, retain: true, CancellationToken.None);

            // T-20: the run starts; nothing listens on the uplink port, so the uplink item fails.
            var notReady = await WaitStateAsync(messages, s => s.State == RoomStates.NotReady && s.Reason.StartsWith("uplink", StringComparison.Ordinal), "NOT READY for the uplink", edge, dir.Combine("logs"));
            output.WriteLine($"not ready: {notReady.Reason}");
            Assert.Contains("test failed", notReady.Reason, StringComparison.Ordinal);
            await Eventually.WaitAsync(() => Displays(messages).Any(d => d.English.Contains("NOT READY", StringComparison.Ordinal)), Wait, "the retained display saying NOT READY");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{P(doorPort)}/") };
            var door = await Eventually.WaitAsync(() => DoorAsync(http), d => d?.GetProperty("state").GetProperty("state").GetString() == RoomStates.NotReady, Wait, "the door page's state NOT READY");
            Assert.Contains("NOT READY", door!.Value.GetProperty("display").GetProperty("en").GetString(), StringComparison.Ordinal);

            // The technician confirms the manual item; a working uplink endpoint fixes the rest.
            var confirm = new ChecklistCommand { V = 1, Action = ChecklistCommand.Confirm, Item = "backdrop", By = "tester", Ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
            await tap.PublishAsync(Topic.Command(Site, Room, CommandName.Checklist), JsonSerializer.SerializeToUtf8Bytes(confirm, ContractsJsonContext.Default.ChecklistCommand), MqttQos.AtLeastOnce, retain: false, CancellationToken.None);
            // The collector's own endpoint, as it runs in liveroom-ingest (Ingest:Uplink:Url).
            receiver = new UplinkEndpoint(new UplinkOptions { Url = $"http://127.0.0.1:{P(uplinkPort)}" }, NullLogger.Instance);
            await receiver.StartAsync(null, CancellationToken.None);
            await WaitStateAsync(messages, s => s.State == RoomStates.Ready, "READY", edge, dir.Combine("logs"));
            await Eventually.WaitAsync(() => Displays(messages).LastOrDefault()?.English.StartsWith("READY", StringComparison.Ordinal) == true, Wait, "the retained display saying READY");
            Assert.True(DateTimeOffset.UtcNow < start, "ready before the show starts");

            // Show time: the encoder starts.
            var early = start - DateTimeOffset.UtcNow;
            if (early > TimeSpan.Zero)
            {
                await Task.Delay(early);
            }

            await Eventually.WaitAsync(
                async () =>
                {
                    if (encoder is null || encoder.HasExited)
                    {
                        encoder = ChildProcess.Start(new ChildProcessStartInfo { Name = "encoder", FileName = "ffmpeg", Arguments = Encoder($"srt://127.0.0.1:{P(srtPort)}?mode=caller") });
                    }

                    await Task.Delay(300);
                    return States(messages).LastOrDefault()?.State;
                },
                s => s == RoomStates.Live,
                Wait,
                "ON AIR");
            await Eventually.WaitAsync(() => Displays(messages).LastOrDefault() is { OnAir: true } d && d.English.Contains("ON AIR", StringComparison.Ordinal), Wait, "the retained display saying ON AIR");

            await encoder!.StopAsync(TimeSpan.FromSeconds(3));
            await WaitStateAsync(messages, s => s.State == RoomStates.Ended, "ended", edge, dir.Combine("logs"));
            await WaitStateAsync(messages, s => s.State == RoomStates.Free, "FREE", edge, dir.Combine("logs"));
            await Eventually.WaitAsync(() => Displays(messages).LastOrDefault()?.State == RoomStates.Free, Wait, "the retained display saying FREE");
        }
        finally
        {
            if (encoder is not null)
            {
                await encoder.DisposeAsync();
            }

            await edge.StopAsync(TimeSpan.FromSeconds(20));
            await edge.DisposeAsync();
            if (receiver is not null)
            {
                await receiver.DisposeAsync();
            }
        }

        // The run record: every item on the broker (through the outbox), and the JSON on disk.
        var points = messages.Where(m => m.Topic == Topic.Checklist(Site, Room) || m.Topic.EndsWith("/metrics/batch", StringComparison.Ordinal))
            .SelectMany(m => JsonSerializer.Deserialize(m.Payload.Span, ContractsJsonContext.Default.MetricBatch)!.Points)
            .Where(p => p.Kind == MetricKind.Checklist)
            .DistinctBy(p => p.Seq) // no collector acknowledges here, so the outbox sends again after a while
            .ToList();
        var items = points.Select(p => p.Tags![ChecklistFields.ItemTag]).ToHashSet();
        string[] expected = ["encoder", "uplink", "resolution", "frame_rate", "bitrate", "audio", "loudness", "ingest_rtt", "disk", "clock", "framing", "lighting", "backdrop", ChecklistFields.RunItem];
        Assert.Subset(items, expected.ToHashSet());
        Assert.Contains(points, p => p.Tags![ChecklistFields.ItemTag] == "uplink" && p.Fields[ChecklistFields.Status].Text == "fail");
        Assert.Contains(points, p => p.Tags![ChecklistFields.ItemTag] == "uplink" && p.Fields[ChecklistFields.Status].Text == "pass");
        Assert.Contains(points, p => p.Tags![ChecklistFields.ItemTag] == "backdrop" && p.Fields.TryGetValue(ChecklistFields.By, out var by) && by.Text == "tester");
        var deadline = Assert.Single(points, p => p.Fields.ContainsKey(ChecklistFields.ReadyAtT10));
        Assert.True(deadline.Fields[ChecklistFields.ReadyAtT10].Boolean);

        var record = JsonDocument.Parse(File.ReadAllBytes(Directory.GetFiles(Path.Combine(lifecycleDir, "runs"), "run-*.json").Single())).RootElement;
        Assert.Equal("show-e2e", record.GetProperty("show").GetString());
        Assert.Equal("live", record.GetProperty("closeReason").GetString());
        Assert.Equal(expected.Length - 2, record.GetProperty("items").GetArrayLength());
        Assert.Equal("tester", record.GetProperty("manual")[0].GetProperty("by").GetString());
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Encoder(string output) =>
    [
        "-hide_banner", "-nostdin", "-v", "error", "-re",
        "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30",
        "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000",
        "-t", "30",
        "-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-b:v", "5M", "-maxrate", "5M", "-bufsize", "5M",
        "-c:a", "aac", "-b:a", "96k", "-f", "mpegts", output,
    ];

    private static List<RoomStateMessage> States(ConcurrentQueue<MqttMessage> messages) =>
        [.. messages.Where(m => m.Topic == Topic.State(Site, Room)).Select(m => JsonSerializer.Deserialize(m.Payload.Span, ContractsJsonContext.Default.RoomStateMessage)!)];

    private static List<DisplayMessage> Displays(ConcurrentQueue<MqttMessage> messages) =>
        [.. messages.Where(m => m.Topic == Topic.Display(Site, Room)).Select(m => JsonSerializer.Deserialize(m.Payload.Span, ContractsJsonContext.Default.DisplayMessage)!)];

    private static async Task<RoomStateMessage> WaitStateAsync(ConcurrentQueue<MqttMessage> messages, Func<RoomStateMessage, bool> done, string what, ChildProcess edge, string logs)
    {
        try
        {
            await Eventually.WaitAsync(() => States(messages).Any(done), Wait, what);
        }
        catch (TimeoutException ex)
        {
            var seen = string.Join(" → ", States(messages).Select(s => $"{s.State}({s.Reason})"));
            throw new TimeoutException($"{ex.Message}; states seen: {seen}; edge stderr: {edge.StderrTail(10)}; edge log: {LogTail(logs, 15)}", ex);
        }

        return States(messages).Last(done);
    }

    /// <summary>The last lines of the edge's newest log file, for a failure message.</summary>
    private static string LogTail(string logs, int lines)
    {
        var newest = Directory.Exists(logs) ? new DirectoryInfo(logs).GetFiles("*.log").OrderBy(f => f.LastWriteTimeUtc).LastOrDefault() : null;
        if (newest is null)
        {
            return "(none)";
        }

        using var stream = new FileStream(newest.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" | ", all.TakeLast(lines));
    }

    private static async Task<JsonElement?> DoorAsync(HttpClient http)
    {
        try
        {
            return await http.GetFromJsonAsync<JsonElement>("api/state");
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
