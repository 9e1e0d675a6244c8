using Microsoft.Extensions.Configuration;
using LiveRoom.Demo.Options;
using LiveRoom.Demo.Stack;

namespace LiveRoom.EndToEnd.Demo;

public sealed class DemoCommandsTests
{
    private static readonly DemoLayout Layout = new(new DemoOptions { Rooms = 2, StateDirectory = "var/demo", BinDirectory = "src" }, "/repo");
    private static readonly Uri Inbox = new("http://127.0.0.1:5097/notices");

    [Fact]
    public void Encoder_Defaults_1080p30H264AacMpegTsToSrtListener()
    {
        var args = DemoCommands.Encoder(40000, 4500);

        Assert.Equal("testsrc2=size=1920x1080:rate=30", After(args, "-i"));
        Assert.Equal("libx264", After(args, "-c:v"));
        Assert.Equal("4500k", After(args, "-b:v"));
        Assert.Equal("aac", After(args, "-c:a"));
        Assert.Equal("mpegts", After(args, "-f", last: true));
        Assert.StartsWith("srt://127.0.0.1:40000?mode=listener", args[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_Room_ReadsItsEncoderAndKeepsStateUnderTheStateDirectory()
    {
        var (program, args) = DemoCommands.Probe(Layout, "/usr/bin/dotnet", "room-2", 40000, "127.0.0.1", 1883, 40100, 40200);

        Assert.Equal("/usr/bin/dotnet", program);
        Assert.Equal("/repo/src/Probe/bin/Release/net10.0/liveroom-probe.dll", args[0]);
        Assert.Contains("--Probe:Site=demo", args);
        Assert.Contains("--Probe:Room=room-2", args);
        Assert.Contains("--Probe:Mqtt:Port=1883", args);
        Assert.Contains("--Probe:Outbox:Directory=/repo/var/demo/rooms/room-2/outbox", args);
        Assert.Contains(args, a => a.StartsWith("--Probe:SourceUrl=srt://127.0.0.1:40000?mode=caller", StringComparison.Ordinal));
        Assert.Contains("--Probe:Display:Url=http://127.0.0.1:40100", args);
    }

    [Fact]
    public void ProbeAndCollector_UplinkPort_TheEdgesTestAgainstTheCollectorsEndpoint()
    {
        var (_, probe) = DemoCommands.Probe(Layout, "/usr/bin/dotnet", "room-2", 40000, "127.0.0.1", 1883, 40100, 40200);
        var ingest = DemoCommands.Ingest(Layout, "127.0.0.1", 1883, new Uri("http://127.0.0.1:8086/"), 5099, 40200, 8080, Inbox);

        Assert.Contains("--Ingest:Uplink:Url=http://127.0.0.1:40200", ingest);
        Assert.Contains("--Probe:Network:UplinkUrl=http://127.0.0.1:40200" + LiveRoom.Ingest.Uplink.UplinkDefaults.Path, probe);
    }

    [Fact]
    public void Probe_NativeExecutableGiven_RunsItWithTheSameSettings()
    {
        var native = new DemoLayout(new DemoOptions { Rooms = 2, StateDirectory = "var/demo", BinDirectory = "src", ProbeExecutable = "/repo/var/probe-native/liveroom-probe" }, "/repo");

        var (program, args) = DemoCommands.Probe(native, "/usr/bin/dotnet", "room-2", 40000, "127.0.0.1", 1883, 40100, 40200);
        var (_, jit) = DemoCommands.Probe(Layout, "/usr/bin/dotnet", "room-2", 40000, "127.0.0.1", 1883, 40100, 40200);

        Assert.Equal("/repo/var/probe-native/liveroom-probe", program);
        Assert.Equal(jit.Skip(1), args);
    }

    [Fact]
    public void CollectorAndWatchdog_NoticeChannel_AWebhookToTheInboxInChinese_BoundAsTheCollectorReadsIt()
    {
        var ingest = DemoCommands.Ingest(Layout, "127.0.0.1", 1883, new Uri("http://127.0.0.1:8086/"), 5099, 5098, 8080, Inbox);
        var watchdog = DemoCommands.Watchdog(Layout, "127.0.0.1", 1883, new Uri("http://127.0.0.1:8086/"), Inbox);

        foreach (var args in new[] { ingest, watchdog })
        {
            var options = new ConfigurationBuilder().AddCommandLine([.. args.Skip(1)]).Build().GetSection("Ingest").Get<LiveRoom.Ingest.Options.IngestOptions>()!;
            var channel = Assert.Single(options.Alerts.Channels);
            Assert.Equal(("demo-inbox", "webhook", "http://127.0.0.1:5097/notices", "zh-CN", Layout.NoticeSecret), (channel.Name, channel.Type, channel.Url, channel.Language, channel.Secret));
        }
    }

    [Fact]
    public void DemoRota_PassesTheCollectorsRules_NamesSomeoneAtEveryLevel_GapsOnlyOnWeekendDays()
    {
        var entries = System.Text.Json.JsonSerializer.Deserialize<List<LiveRoom.Ingest.Alerts.Rota.RotaEntry>>(DemoRota.Json("demo"), LiveRoom.Ingest.Alerts.Store.AlertStore.Json)!;
        Assert.Empty(LiveRoom.Ingest.Alerts.Rota.RotaRules.Check(entries));
        var rota = new LiveRoom.Ingest.Alerts.Rota.OnCallRota();
        rota.Set(entries);

        // Monday 2026-11-23 00:00 in Shanghai, for a week: nobody at level 0 on Saturday and Sunday 09:00–18:00 only.
        var shanghai = TimeSpan.FromHours(8);
        var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, shanghai);
        Assert.Equal(
            [(monday.AddDays(5).AddHours(9), monday.AddDays(5).AddHours(18)), (monday.AddDays(6).AddHours(9), monday.AddDays(6).AddHours(18))],
            rota.Gaps("demo", 0, monday, monday.AddDays(7)).Select(g => (g.Start, g.End)));
        Assert.Empty(rota.Gaps("demo", 1, monday, monday.AddDays(7)));
        Assert.Empty(rota.Gaps("demo", 2, monday, monday.AddDays(7)));
        Assert.Equal(["李工"], rota.OnDuty("demo", 0, monday.AddDays(2).AddHours(3)).Select(e => e.Name));
        Assert.Equal(["王工"], rota.OnDuty("demo", 0, monday.AddDays(2).AddHours(10)).Select(e => e.Name));
    }

    [Fact]
    public void Layout_Rooms_NumberedFromOne() =>
        Assert.Equal(["room-1", "room-2"], Layout.Rooms);

    [Fact]
    public void Dashboard_Port_ListensOnLoopbackAndReadsInflux()
    {
        var args = DemoCommands.Dashboard(Layout, 8080, new Uri("http://127.0.0.1:8086/"), "127.0.0.1", 1883, 5099);

        Assert.Contains("--urls=http://127.0.0.1:8080", args);
        Assert.Contains("--Dashboard:Influx:Url=http://127.0.0.1:8086", args);
    }

    [Fact]
    public void DemoShows_AreAcceptedByTheDashboardsCsvImport()
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        var parsed = LiveRoom.Dashboard.Schedules.Import.CsvScheduleParser.Parse(DemoCommands.DemoShows(Layout, now), zone, "Asia/Shanghai", now);

        Assert.Null(parsed.Error);
        Assert.Equal(["room-1", "room-2"], parsed.Shows.Select(s => s.Room));
        Assert.Equal(now.AddMinutes(3), parsed.Shows[0].Start);
        Assert.Contains("--Dashboard:AlertsUrl=http://127.0.0.1:5099", DemoCommands.Dashboard(Layout, 8080, new Uri("http://127.0.0.1:8086/"), "127.0.0.1", 1883, 5099));
        // The alert settings page works in the demo: the dashboard holds the collector's admin token of this run.
        Assert.Contains($"--Dashboard:AlertsAdminToken={Layout.AlertsAdminToken}", DemoCommands.Dashboard(Layout, 8080, new Uri("http://127.0.0.1:8086/"), "127.0.0.1", 1883, 5099));
        Assert.Contains($"--Ingest:Alerts:AdminToken={Layout.AlertsAdminToken}", DemoCommands.Ingest(Layout, "127.0.0.1", 1883, new Uri("http://127.0.0.1:8086/"), 5099, 5098, 8080, Inbox));
        Assert.True(Layout.AlertsAdminToken.Length >= 32);
        // The collector's alert page links the room page on the demo's dashboard (the same port).
        Assert.Contains("--Ingest:Alerts:DashboardUrl=http://127.0.0.1:8080/", DemoCommands.Ingest(Layout, "127.0.0.1", 1883, new Uri("http://127.0.0.1:8086/"), 5099, 5098, 8080, Inbox));
    }

    private static string After(IReadOnlyList<string> args, string flag, bool last = false)
    {
        var i = last ? args.ToList().FindLastIndex(a => a == flag) : args.ToList().IndexOf(flag);
        return args[i + 1];
    }
}
