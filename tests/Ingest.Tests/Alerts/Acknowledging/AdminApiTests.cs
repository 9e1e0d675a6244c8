using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Acknowledging;

/// <summary>Rules, silences and rota through the admin API: token required, bad input refused with reasons, changes live at once.</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private const string Token = "admin-token-0123456789-0123456789-abcdef";
    private readonly TempDirectory _dir = new("alerts-admin");
    private readonly HttpClient _http = new();
    private AlertService _service = null!;

    public async Task InitializeAsync()
    {
        _service = new AlertService(new AlertOptions { HttpUrl = "http://127.0.0.1:0", AdminToken = Token }, _dir.Path, _http);
        await _service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Rules_WithoutToken403_BadRule400WithReason_GoodRuleLiveAtOnce()
    {
        using (var anonymous = await _http.GetAsync(Url("/api/rules")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        }

        var unknown = """{"id":"fps_low","title":"x","kind":"stream","field":"fpz","operator":"below","threshold":25}""";
        using (var bad = await SendAsync(HttpMethod.Put, "/api/rules/fps_low", unknown))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            using var errors = System.Text.Json.JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
            Assert.Contains("unknown metric field 'fpz'", errors.RootElement.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
            // The same reasons in Chinese, in the same order, for the dashboard's pages.
            Assert.Equal(
                "规则“fps_low”：类别“stream”没有指标字段“fpz”",
                errors.RootElement.GetProperty("errorsZh")[0].GetString());
            Assert.Equal(errors.RootElement.GetProperty("errors").GetArrayLength(), errors.RootElement.GetProperty("errorsZh").GetArrayLength());
        }

        var negative = """{"id":"fps_low","title":"x","kind":"stream","field":"fps","operator":"below","threshold":25,"for":"-00:00:05"}""";
        using (var bad = await SendAsync(HttpMethod.Put, "/api/rules/fps_low", negative))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        var good = """{"id":"fps_low","title":"Frame rate below 25","kind":"stream","field":"fps","operator":"below","threshold":25,"for":"00:00:05","severity":"critical","applies":"always"}""";
        using (var ok = await SendAsync(HttpMethod.Put, "/api/rules/fps_low", good))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }

        var live = _service.Evaluator.Rules.Single(r => r.Id == "fps_low");
        Assert.Equal((25.0, TimeSpan.FromSeconds(5)), (live.Threshold, live.For));
        using var list = await SendAsync(HttpMethod.Get, "/api/rules", null);
        Assert.Contains("\"threshold\":25", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilenceWithoutExpiry_Refused_RotaStored()
    {
        using (var bad = await SendAsync(HttpMethod.Post, "/api/silences", """{"id":"m","site":"s1","startsAt":"2026-11-22T06:00:00Z","endsAt":"9999-12-31T23:59:59.9999999+00:00","createdBy":"admin"}"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("no expiry", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var rota = await SendAsync(HttpMethod.Put, "/api/rota", """[{"site":"s1","level":0,"name":"tech","mobile":"13800000001"},{"site":"*","level":1,"name":"oncall"}]"""))
        {
            Assert.Equal(HttpStatusCode.NoContent, rota.StatusCode);
        }

        Assert.Equal(1, _service.Rota.TopLevel("s1"));
        Assert.Equal(2, _service.Store.LoadRota().Count);
    }

    [Fact]
    public async Task OnDuty_PerSiteAndLevel_ACoverOnItsDatesInsteadOfTheWeeklyRota_TokenRequired()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var rota = $$"""
            [{"site":"s1","level":0,"name":"tech"},{"site":"*","level":1,"name":"oncall"},
             {"site":"s1","level":1,"name":"sub","cover":true,"firstDate":"{{today.AddDays(-1):yyyy-MM-dd}}","lastDate":"{{today.AddDays(1):yyyy-MM-dd}}"},
             {"site":"s1","level":1,"name":"last-year","cover":true,"firstDate":"{{today.AddYears(-1):yyyy-MM-dd}}","lastDate":"{{today.AddYears(-1):yyyy-MM-dd}}"},
             {"site":"s1","level":2,"name":"boss"}]
            """;
        using (var put = await SendAsync(HttpMethod.Put, "/api/rota", rota))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        using (var anonymous = await _http.GetAsync(Url("/api/rota/on-duty?site=s1")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        }

        using var answer = await SendAsync(HttpMethod.Get, "/api/rota/on-duty?site=s1&site=s2&site=s1", null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var levels = json.RootElement.EnumerateArray()
            .Select(l => (l.GetProperty("site").GetString(), l.GetProperty("level").GetInt32(), string.Join(",", l.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()))))
            .ToArray();

        // s1: the cover stands in for the on-call engineer; s2 (only the every-site entry) has nobody at level 0.
        Assert.Equal([("s1", 0, "tech"), ("s1", 1, "sub"), ("s1", 2, "boss"), ("s2", 0, ""), ("s2", 1, "oncall")], levels);
    }

    [Fact]
    public async Task Gaps_PerSiteAndLevel_ForTheDaysAsked_BadDaysRefusedSayingWhy_TokenRequired()
    {
        // s1: someone always at level 0; level 1 only tomorrow (UTC) and after; s2: the every-site level 1 only.
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var rota = $$"""
            [{"site":"s1","level":0,"name":"tech"},{"site":"s1","level":1,"name":"new-hire","firstDate":"{{tomorrow:yyyy-MM-dd}}"},{"site":"*","level":2,"name":"boss"}]
            """;
        using (var put = await SendAsync(HttpMethod.Put, "/api/rota", rota))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        using (var anonymous = await _http.GetAsync(Url("/api/rota/gaps?site=s1")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        }

        using var answer = await SendAsync(HttpMethod.Get, "/api/rota/gaps?site=s1&site=s2&days=3", null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var gaps = json.RootElement.EnumerateArray()
            .Select(g => (Site: g.GetProperty("site").GetString(), Level: g.GetProperty("level").GetInt32(), Start: g.GetProperty("start").GetDateTimeOffset(), End: g.GetProperty("end").GetDateTimeOffset()))
            .ToArray();

        Assert.Equal([("s1", 1), ("s2", 0), ("s2", 1)], gaps.Select(g => (g.Site, g.Level)));
        var midnight = new DateTimeOffset(tomorrow.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal(midnight, gaps[0].End); // until the new hire's first day
        Assert.InRange(gaps[1].End - gaps[1].Start, TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(3)); // the whole period

        foreach (var days in new[] { "0", "32", "seven", "-1" })
        {
            using var refused = await SendAsync(HttpMethod.Get, "/api/rota/gaps?site=s1&days=" + days, null);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var reasons = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal($"days '{days}' is not a whole number from 1 to 31", reasons.RootElement.GetProperty("errors")[0].GetString());
            Assert.Equal($"天数“{days}”不是 1 到 31 之间的整数", reasons.RootElement.GetProperty("errorsZh")[0].GetString());
        }
    }

    [Fact]
    public async Task TestNotice_TokenRequired_NoChannel409_BadBody400_EachSayingWhy()
    {
        using (var anonymous = await _http.PostAsync(Url("/api/notify/test"), new StringContent("""{"site":"s1","level":0,"by":"x"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        }

        async Task<(HttpStatusCode, string?)> TestAsync(string body)
        {
            using var answer = await SendAsync(HttpMethod.Post, "/api/notify/test", body);
            using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            return (answer.StatusCode, json.RootElement.GetProperty("errors")[0].GetString());
        }

        // This collector has no channel: nothing could reach anyone, and it says which setting.
        using (var channels = await SendAsync(HttpMethod.Get, "/api/notify/channels", null))
        {
            Assert.Equal("[]", await channels.Content.ReadAsStringAsync());
        }

        Assert.Equal((HttpStatusCode.Conflict, "no notification channel is configured (Ingest:Alerts:Channels): alerts reach nobody outside the dashboard"), await TestAsync("""{"site":"s1","level":0,"by":"chief"}"""));
        Assert.Equal((HttpStatusCode.BadRequest, "level 3 is not on the rota of site 's1' (levels 0 to 0)"), await TestAsync("""{"site":"s1","level":3,"by":"chief"}"""));
        // What is wrong and where, not the collector's type names.
        Assert.Equal(
            (HttpStatusCode.BadRequest, "the body is not a valid test notice request: a value has the wrong type: expected a number (at $.level)"),
            await TestAsync("""{"site":"s1","level":"zero"}"""));
    }

    private Uri Url(string path) => new(_service.HttpAddress!, path);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, Url(path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request);
    }
}
