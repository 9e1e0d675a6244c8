using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Acknowledging;

/// <summary>The whole alert service with its real HTTP listener on 127.0.0.1:0: page, acknowledge, resolve, export.</summary>
public sealed class AlertServiceHttpTests : IAsyncLifetime
{
    private const string Token = "admin-token-0123456789-0123456789-abcdef";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new("alerts");
    private readonly HttpClient _http = new();
    private readonly RecordingRooms _rooms = new();
    private AlertService _service = null!;

    public async Task InitializeAsync()
    {
        var options = new AlertOptions
        {
            HttpUrl = "http://127.0.0.1:0", GroupWait = TimeSpan.Zero, TickInterval = TimeSpan.FromMilliseconds(20), AdminToken = Token,
            DashboardUrl = "https://liveroom.example.test/",
        };
        _service = new AlertService(options, _dir.Path, _http, rooms: _rooms);
        _service.Store.SaveRule(TestRules.Fps(TimeSpan.Zero));
        _service.Evaluator.SetRules(_service.Store.LoadRules());
        await _service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task LinkPage_AcknowledgeAndResolve_ByPost_RecordedWithWho()
    {
        var alert = await FireAsync();
        var link = _service.Link(alert.Id);
        Assert.StartsWith(_service.HttpAddress!.ToString(), link, StringComparison.Ordinal);

        var page = await _http.GetStringAsync(new Uri(link));
        Assert.Contains("s1/r1: Frame rate below 30 fps", page, StringComparison.Ordinal);
        Assert.Contains("12 &lt; 29.5", page, StringComparison.Ordinal);
        Assert.Contains("Acknowledge</button>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://liveroom.example.test/room.html?site=s1&amp;room=r1\">Room page in the dashboard</a>", page, StringComparison.Ordinal);

        using var ack = await _http.PostAsync(new Uri(link + "/ack"), new FormUrlEncodedContent(new Dictionary<string, string> { ["who"] = "Wang Fang", ["note"] = "<b>on it</b>" }));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Contains("Acknowledged.", await ack.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AlertState.Acknowledged, _service.Engine.Find(alert.Id)!.State);

        using var resolve = await _http.PostAsync(new Uri(link + "/resolve"), new FormUrlEncodedContent(new Dictionary<string, string> { ["who"] = "Wang Fang", ["note"] = "encoder restarted" }));
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        var timeline = _service.Incidents.Get(alert.Id)!.Timeline;
        Assert.Contains(timeline, e => e.Kind == IncidentEventKind.Acknowledged && e.Who == "Wang Fang" && e.Detail == "<b>on it</b>");
        Assert.Contains(timeline, e => e.Kind == IncidentEventKind.Resolved && e.Detail == "encoder restarted");

        var csv = await GetWithTokenAsync("/api/incidents?room=r1&format=csv");
        Assert.StartsWith(IncidentExport.CsvHeader, csv, StringComparison.Ordinal);
        Assert.Contains(",acknowledged,Wang Fang,<b>on it</b>", csv, StringComparison.Ordinal);
        var json = await GetWithTokenAsync("/api/incidents?site=s1&format=json");
        Assert.Contains("\"event\":\"resolved\"", json, StringComparison.Ordinal);
        Assert.Equal("[]", await GetWithTokenAsync("/api/incidents?site=other"));
    }

    [Fact]
    public async Task LinkPage_PhoneReadsChinese_PageAndAnswersInChinese()
    {
        // An on-call engineer's phone set to Chinese opens the link from a robot message.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _service.Rota.Set(
        [
            new RotaEntry { Site = "s1", Level = 0, Name = "王工", Mobile = "13800000001" },
            new RotaEntry { Site = "*", Level = 1, Name = "赵经理" },
            new RotaEntry { Site = "s1", Level = 1, Name = "钱工", Cover = true, FirstDate = today.AddDays(-1), LastDate = today.AddDays(1) },
        ]);
        var alert = await FireAsync();
        var link = _service.Link(alert.Id);
        using var get = new HttpRequestMessage(HttpMethod.Get, link);
        get.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.8");

        using var response = await _http.SendAsync(get);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"zh-CN\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>s1/r1：帧率低于 30 fps</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>状态</dt><dd>告警中</dd><dt>级别</dt><dd>警告</dd><dt>测量值</dt><dd>12 &lt; 29.5</dd>", page, StringComparison.Ordinal);
        Assert.Contains(">确认</button>", page, StringComparison.Ordinal);
        Assert.Contains(">看板中的直播间页面</a>", page, StringComparison.Ordinal);
        // Whom an escalation would reach now: the cover, not the weekly on-call engineer; names only, no mobiles.
        Assert.Contains("<dt>当前值班</dt><dd>级别 0：王工；级别 1：钱工（代班）</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000001", page, StringComparison.Ordinal);

        using var ack = new HttpRequestMessage(HttpMethod.Post, link + "/ack") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["who"] = "王芳" }) };
        ack.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var acked = await _http.SendAsync(ack);
        Assert.Contains("已确认，提醒与升级停止。", await acked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // English first with Chinese second, or Chinese refused (q=0): English.
        foreach (var header in new[] { "en-US,zh-CN;q=0.5", "zh;q=0, en" })
        {
            using var en = new HttpRequestMessage(HttpMethod.Get, link);
            en.Headers.AcceptLanguage.ParseAdd(header);
            using var english = await _http.SendAsync(en);
            Assert.Contains("<h1>s1/r1: Frame rate below 30 fps</h1>", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/incidents?format=json")]
    [InlineData("/api/alerts")]
    public async Task IncidentsAndOpenAlerts_WithoutTheAdminToken_Refused403WithTheSetting(string path)
    {
        await FireAsync();
        using var anonymous = await _http.GetAsync(new Uri(_service.HttpAddress!, path));
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Contains("Ingest:Alerts:AdminToken", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri(_service.HttpAddress!, path));
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        using var refused = await _http.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        Assert.Contains("s1", await GetWithTokenAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActById_WithToken_AcknowledgesAndResolvesAsTheNamedPerson_RefusesBadRequests()
    {
        var alert = await FireAsync();
        var ackPath = $"/api/alerts/{alert.Id}/ack";

        using (var anonymous = await _http.PostAsync(new Uri(_service.HttpAddress!, ackPath), Json("""{"who":"tech-li"}""")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        }

        var (status, body) = await PostWithTokenAsync(ackPath, """{"who":""}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("who is missing", body, StringComparison.Ordinal);
        (status, body) = await PostWithTokenAsync(ackPath, "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not a valid request", body, StringComparison.Ordinal);
        Assert.Equal(AlertState.Firing, _service.Engine.Find(alert.Id)!.State);

        (status, body) = await PostWithTokenAsync(ackPath, """{"who":"tech-li","note":"checking the encoder"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        using (var answer = JsonDocument.Parse(body))
        {
            Assert.Equal("done", answer.RootElement.GetProperty("result").GetString());
            Assert.Equal("acknowledged", answer.RootElement.GetProperty("alert").GetProperty("state").GetString());
            Assert.Equal("tech-li", answer.RootElement.GetProperty("alert").GetProperty("acknowledgedBy").GetString());
        }

        (status, body) = await PostWithTokenAsync(ackPath, """{"who":"someone-else"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"result\":\"alreadyDone\"", body, StringComparison.Ordinal);
        Assert.Equal("tech-li", _service.Engine.Find(alert.Id)!.AcknowledgedBy);

        (status, _) = await PostWithTokenAsync($"/api/alerts/{alert.Id}/resolve", """{"who":"tech-li","note":"encoder restarted"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(AlertState.Resolved, _service.Engine.Find(alert.Id)!.State);
        var timeline = _service.Incidents.Get(alert.Id)!.Timeline;
        Assert.Contains(timeline, e => e.Kind == IncidentEventKind.Acknowledged && e.Who == "tech-li" && e.Detail == "checking the encoder");
        Assert.Contains(timeline, e => e.Kind == IncidentEventKind.Resolved && e.Who == "tech-li" && e.Detail == "encoder restarted");

        (status, body) = await PostWithTokenAsync("/api/alerts/no-such-alert/ack", """{"who":"tech-li"}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("\"result\":\"unknownAlert\"", body, StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private async Task<string> GetWithTokenAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_service.HttpAddress!, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<(HttpStatusCode Status, string Body)> PostWithTokenAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_service.HttpAddress!, path)) { Content = Json(json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TamperedLink_IsRefused_AndGetNeverActs()
    {
        var alert = await FireAsync();
        var link = _service.Link(alert.Id);
        var bad = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];
        using var get = await _http.GetAsync(new Uri(bad));
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        using var post = await _http.PostAsync(new Uri(bad + "/ack"), new FormUrlEncodedContent(new Dictionary<string, string> { ["who"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, link + "/ack") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["who"] = "x" }) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var refused = await _http.SendAsync(crossSite);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await _http.GetStringAsync(new Uri(link + "/ack"))
            .ContinueWith(t => Assert.True(t.IsFaulted), TaskScheduler.Default); // no GET route acts
        Assert.Equal(AlertState.Firing, _service.Engine.Find(alert.Id)!.State);
    }

    [Fact]
    public async Task LinkPage_RoomSentThumbnails_ShowsThePictureTakenAfterTheAlertStarted_ByTokenOnly()
    {
        var jpeg = await TinyJpegAsync();
        var observer = (LiveRoom.Ingest.Alerts.Evaluation.IBatchObserver)_service.Evaluator;
        observer.OnThumbnail("s1", "r1", Thumbnail("s1", "r1", DateTimeOffset.UtcNow.AddMinutes(-10), "interval", jpeg));
        observer.OnThumbnail("s1", "r1", Thumbnail("s1", "OTHER", DateTimeOffset.UtcNow, "interval", jpeg)); // not this room's: ignored
        observer.OnThumbnail("s1", "r1", "{broken"u8);
        var alert = await FireAsync();
        observer.OnThumbnail("s1", "r1", Thumbnail("s1", "r1", alert.Since.AddSeconds(1), "frozen", jpeg));
        var link = _service.Link(alert.Id);

        var page = await _http.GetStringAsync(new Uri(link));
        Assert.Contains("/picture.jpg\" alt=\"camera picture of r1\"", page, StringComparison.Ordinal);
        Assert.Contains("(frozen)</figcaption>", page, StringComparison.Ordinal);
        using var picture = await _http.GetAsync(new Uri(link + "/picture.jpg"));
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/jpeg", picture.Content.Headers.ContentType!.MediaType);
        Assert.Equal(jpeg, await picture.Content.ReadAsByteArrayAsync());
        using var forged = await _http.GetAsync(new Uri(link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..] + "/picture.jpg"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    private static async Task<byte[]> TinyJpegAsync()
    {
        using var dir = new TempDirectory("jpeg");
        var path = Path.Combine(dir.Path, "t.jpg");
        var run = await LiveRoom.Runtime.Processes.ProcessRunner.RunAsync(
            "ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=160x90", "-frames:v", "1", path], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return await File.ReadAllBytesAsync(path);
    }

    private static byte[] Thumbnail(string site, string room, DateTimeOffset at, string reason, byte[] jpeg) =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new LiveRoom.Contracts.Payloads.Vision.ThumbnailMessage { V = 1, Site = site, Room = room, Ts = at.ToUnixTimeMilliseconds(), Reason = reason, Width = 160, Height = 90, Jpeg = jpeg },
            LiveRoom.Contracts.Payloads.Vision.VisionJsonContext.Default.ThumbnailMessage);

    private async Task<AlertSnapshot> FireAsync()
    {
        _service.Evaluator.OnBatch(AlertHarness.Batch("s1", "r1", new MetricPoint
        {
            Seq = 1, Ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Kind = MetricKind.Stream,
            Fields = new Dictionary<string, FieldValue> { [MetricKind.StreamFields.Fps] = 12.0 },
        }));
        await Eventually.WaitAsync(() => _service.Engine.Open().Any(a => a.State == AlertState.Firing), Wait, "firing alert");
        return _service.Engine.Open().Single();
    }

    private sealed class RecordingRooms : LiveRoom.Ingest.Alerts.Evaluation.IRoomStateProvider
    {
        public LiveRoom.Ingest.Alerts.Evaluation.RoomState Get(string site, string room) => new(LiveRoom.Ingest.Alerts.Evaluation.RoomUse.Live, "evening show");
    }
}
