using System.Globalization;

namespace LiveRoom.Demo.Stack;

/// <summary>The argument lists of the demo's children (pure: unit-tested without starting anything).</summary>
internal static class DemoCommands
{
    public const string ProbeProject = "Probe";
    public const string ProbeAssembly = "liveroom-probe";
    public const string IngestProject = "Ingest";
    public const string IngestAssembly = "liveroom-ingest";
    public const string DashboardProject = "Dashboard";
    public const string DashboardAssembly = "liveroom-dashboard";

    /// <summary>
    /// The encoder is the SRT <em>listener</em> and the probe the caller. A listener that waits survives a probe
    /// restart cheaply (it is simply restarted when its caller goes away), and the probe, which reconnects
    /// with backoff anyway, survives an encoder restart; an encoder as caller would fail and be restarted
    /// every few seconds for as long as its probe is down.
    /// </summary>
    public static string SrtListenUrl(int port) =>
        string.Create(CultureInfo.InvariantCulture, $"srt://127.0.0.1:{port}?mode=listener&latency=200000&pkt_size=1316");

    /// <summary>The URL the probe reads (SRT caller).</summary>
    public static string SrtSourceUrl(int port) =>
        string.Create(CultureInfo.InvariantCulture, $"srt://127.0.0.1:{port}?mode=caller&latency=200000");

    /// <summary>A synthetic studio encoder: testsrc2 1920x1080 at 30 fps and a 1 kHz tone, H.264 + AAC in MPEG-TS over SRT.</summary>
    public static IReadOnlyList<string> Encoder(int srtPort, int videoBitrateKbps) =>
    [
        "-hide_banner", "-nostdin", "-nostats", "-loglevel", "warning",
        "-re",
        "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30",
        "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000",
        "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-g", "60",
        "-b:v", Kbps(videoBitrateKbps), "-maxrate", Kbps(videoBitrateKbps), "-bufsize", Kbps(videoBitrateKbps * 2),
        "-c:a", "aac", "-b:a", "128k",
        "-f", "mpegts", SrtListenUrl(srtPort),
    ];

    /// <summary>
    /// The program and arguments of a room's probe: the executable <c>--probe</c> names (the native one, as shipped),
    /// else the JIT build's dll run by <paramref name="dotnet"/>.
    /// </summary>
    public static (string Program, IReadOnlyList<string> Arguments) Probe(DemoLayout layout, string dotnet, string room, int srtPort, string mqttHost, int mqttPort, int doorPort, int uplinkPort)
    {
        var settings = ProbeSettings(layout, room, srtPort, mqttHost, mqttPort, doorPort, uplinkPort);
        return layout.Options.ProbeExecutable is { Length: > 0 } executable
            ? (Path.GetFullPath(executable), settings)
            : (dotnet, [layout.Dll(ProbeProject, ProbeAssembly), .. settings]);
    }

    private static IReadOnlyList<string> ProbeSettings(DemoLayout layout, string room, int srtPort, string mqttHost, int mqttPort, int doorPort, int uplinkPort) =>
    [
        $"--Probe:Site={layout.Options.Site}",
        $"--Probe:Room={room}",
        $"--Probe:SourceUrl={SrtSourceUrl(srtPort)}",
        $"--Probe:Mqtt:Host={mqttHost}",
        string.Create(CultureInfo.InvariantCulture, $"--Probe:Mqtt:Port={mqttPort}"),
        $"--Probe:Outbox:Directory={Path.Combine(layout.Room(room), "outbox")}",
        // Each room's door display page (issue 6) on its own loopback port; the demo prints the addresses.
        string.Create(CultureInfo.InvariantCulture, $"--Probe:Display:Url={DoorUrl(doorPort)}"),
        // The checklist's uplink test and the clock check against the collector's endpoint. On loopback the test
        // measures the machine, not a link, so 3 s instead of 10 s: the demo's two cores have other work.
        $"--Probe:Network:UplinkUrl={UplinkUrl(uplinkPort)}{UplinkPath}",
        "--Probe:Network:UplinkTestDuration=00:00:03",
        $"--Logging:Directory={layout.Logs}",
    ];

    public static IReadOnlyList<string> Ingest(DemoLayout layout, string mqttHost, int mqttPort, Uri influx, int alertsPort, int uplinkPort, int dashboardPort, Uri notices) =>
    [
        layout.Dll(IngestProject, IngestAssembly),
        $"--Ingest:Mqtt:Host={mqttHost}",
        string.Create(CultureInfo.InvariantCulture, $"--Ingest:Mqtt:Port={mqttPort}"),
        $"--Ingest:Influx:Url={influx.ToString().TrimEnd('/')}",
        $"--Ingest:StateDirectory={layout.Ingest}",
        // The alert listener (acknowledgement pages, incident records) on a free loopback port.
        $"--Ingest:Alerts:HttpUrl={AlertsUrl(alertsPort)}",
        $"--Ingest:Alerts:AdminToken={layout.AlertsAdminToken}",
        // The alert page links the alert's room page on the demo's dashboard.
        string.Create(CultureInfo.InvariantCulture, $"--Ingest:Alerts:DashboardUrl=http://127.0.0.1:{dashboardPort}/"),
        // The edges' uplink test endpoint (POST /uplink).
        $"--Ingest:Uplink:Url={UplinkUrl(uplinkPort)}",
        .. NoticeChannel(layout, notices),
        $"--Logging:Directory={layout.Logs}",
    ];

    /// <summary>
    /// The notification channel of the collector and the watchdog: a webhook to the demo's notice inbox, in Chinese
    /// like the demo's site, signed with the run's secret, which the inbox checks (a studio's DingTalk, WeCom or Feishu
    /// robot is configured the same way, with its Url and Secret).
    /// </summary>
    public static IReadOnlyList<string> NoticeChannel(DemoLayout layout, Uri notices) =>
    [
        $"--Ingest:Alerts:Channels:0:Name={Notices.NoticeInbox.ChannelName}",
        "--Ingest:Alerts:Channels:0:Type=webhook",
        $"--Ingest:Alerts:Channels:0:Url={notices}",
        "--Ingest:Alerts:Channels:0:Language=zh-CN",
        $"--Ingest:Alerts:Channels:0:Secret={layout.NoticeSecret}",
    ];

    /// <summary>
    /// <c>liveroom-ingest watchdog</c> (deploy/systemd liveroom-watchdog.service): watches the collector's heartbeat, the
    /// broker and the dashboards' presence; its notices go to the demo's notice inbox, like the collector's.
    /// </summary>
    public static IReadOnlyList<string> Watchdog(DemoLayout layout, string mqttHost, int mqttPort, Uri influx, Uri notices) =>
    [
        layout.Dll(IngestProject, IngestAssembly),
        "watchdog",
        $"--Ingest:Mqtt:Host={mqttHost}",
        string.Create(CultureInfo.InvariantCulture, $"--Ingest:Mqtt:Port={mqttPort}"),
        $"--Ingest:Influx:Url={influx.ToString().TrimEnd('/')}",
        $"--Ingest:StateDirectory={layout.Ingest}",
        .. NoticeChannel(layout, notices),
        $"--Logging:Directory={layout.Logs}",
    ];

    public static IReadOnlyList<string> Dashboard(DemoLayout layout, int port, Uri influx, string mqttHost, int mqttPort, int alertsPort) =>
    [
        layout.Dll(DashboardProject, DashboardAssembly),
        string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{port}"),
        $"--Dashboard:Influx:Url={influx.ToString().TrimEnd('/')}",
        // The demo's wall is a door-display-style kiosk: read-only pages without sign-in; everything else needs an account.
        "--Dashboard:Security:Kiosk=true",
        // Schedules go to the edges and room states come back over the demo's broker (issue 6).
        $"--Dashboard:Mqtt:Host={mqttHost}",
        string.Create(CultureInfo.InvariantCulture, $"--Dashboard:Mqtt:Port={mqttPort}"),
        // Show reports read incidents from the collector's alert listener; the alert settings page changes its rules.
        $"--Dashboard:AlertsUrl={AlertsUrl(alertsPort)}",
        $"--Dashboard:AlertsAdminToken={layout.AlertsAdminToken}",
        // Accounts for people who sign in (`liveroom-dashboard users create-admin --Dashboard:Store:Path=…`) live here.
        $"--Dashboard:Store:Path={Path.Combine(layout.Dashboard, "dashboard.db")}",
        $"--Logging:Directory={layout.Logs}",
    ];

    public static string AlertsUrl(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    public static string UplinkUrl(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    /// <summary>Where the collector's uplink endpoint takes uploads (its <c>UplinkDefaults.Path</c>).</summary>
    public const string UplinkPath = "/uplink";

    /// <summary>
    /// <c>liveroom-dashboard schedule import</c> of the demo's shows (<see cref="DemoShows"/>) into the dashboard's store,
    /// creating the site (Asia/Shanghai) and its rooms.
    /// </summary>
    public static IReadOnlyList<string> ImportShows(DemoLayout layout, string file) =>
    [
        layout.Dll(DashboardProject, DashboardAssembly),
        "schedule", "import", "--site", layout.Options.Site, "--file", file, "--time-zone", "Asia/Shanghai",
        "--rooms", string.Join(',', layout.Rooms),
        $"--Dashboard:Store:Path={Path.Combine(layout.Dashboard, "dashboard.db")}",
    ];

    /// <summary>
    /// A CSV of shows relative to <paramref name="now"/>: room-1 on air in 3 minutes for an hour (its checklist runs at once),
    /// room-2 in 45 minutes (booked, its checklist starts 15 minutes in), the rest unscheduled (live, flagged unscheduled).
    /// </summary>
    public static string DemoShows(DemoLayout layout, DateTimeOffset now)
    {
        static string T(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var rooms = layout.Rooms.ToList();
        var lines = new List<string> { "room,start,end,title,host" };
        var start = now.AddMinutes(3);
        lines.Add($"{rooms[0]},{T(start)},{T(start.AddHours(1))},春季新品专场 Spring launch,李娜 Li Na");
        if (rooms.Count > 1)
        {
            lines.Add($"{rooms[1]},{T(now.AddMinutes(45))},{T(now.AddMinutes(105))},晚间专场 Evening deals,王芳 Wang Fang");
        }

        return string.Join("\n", lines) + "\n";
    }

    public static string DoorUrl(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    private static string Kbps(int kbps) => string.Create(CultureInfo.InvariantCulture, $"{kbps}k");
}
