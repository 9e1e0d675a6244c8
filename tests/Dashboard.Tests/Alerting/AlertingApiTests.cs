using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Alerting;

/// <summary>
/// Alert rules, rota and silences through the dashboard against the real collector (<c>liveroom-ingest</c>, its admin
/// API): each role may change only what it may, the collector's refusals come back with their reasons, and every
/// change, done, refused or denied, is in the audit log with who made it (seed clauses 4.4, 4.5).
/// </summary>
public sealed class AlertingApiTests : IAsyncLifetime
{
    private const string Token = CollectorProcess.AdminToken;
    private readonly TempDirectory _dir = new("alerting-api");
    private ChildProcess _collector = null!;
    private string _collectorUrl = null!;
    private NoticeReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await NoticeReceiver.StartAsync();
        (_collector, _collectorUrl) = await CollectorProcess.StartAsync(_dir.Path, 9, _receiver.CollectorArguments);
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _receiver.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Admin_ChangesARule_LiveOnTheCollector_RefusalsComeBackWithReasons_AllAudited()
    {
        using var factory = Dashboard(Token);
        factory.CreateUser("chief", ["admin"]);
        using var admin = await factory.SignedInAsync("chief");

        using (var saved = await admin.PutAsync("/api/alerting/rules/fps_low", Json("""{"id":"fps_low","title":"Frame rate below 25","kind":"stream","field":"fps","operator":"below","threshold":25,"for":"00:00:05","severity":"critical","applies":"always"}""")))
        {
            Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        }

        using (var refused = await admin.PutAsync("/api/alerting/rules/fps_low", Json("""{"id":"fps_low","title":"x","kind":"stream","field":"fpz","operator":"below","threshold":25}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("unknown metric field 'fpz'", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A reader of Chinese gets the collector's reasons in Chinese (its errorsZh); the audit trail stays English.
        using (var request = new HttpRequestMessage(HttpMethod.Put, "/api/alerting/rules/fps_low") { Content = Json("""{"id":"fps_low","title":"x","kind":"stream","field":"fps","operator":"below","threshold":25,"for":"2.00:00:00"}""") })
        {
            request.Headers.AcceptLanguage.ParseAdd("zh-CN");
            using var refused = await admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("规则未保存", problem.RootElement.GetProperty("title").GetString());
            Assert.Equal("规则“fps_low”：持续时间为 2.00:00:00，必须在 00:00:00–1.00:00:00 之间", problem.RootElement.GetProperty("detail").GetString());
        }

        using (var deleted = await admin.DeleteAsync("/api/alerting/rules/data_gap"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        // What the collector itself now has.
        using var direct = new HttpClient();
        direct.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        var rules = JsonDocument.Parse(await direct.GetStringAsync(_collectorUrl + "/api/rules")).RootElement.EnumerateArray().ToList();
        Assert.Equal(25, rules.Single(r => r.GetProperty("id").GetString() == "fps_low").GetProperty("threshold").GetDouble());
        Assert.DoesNotContain(rules, r => r.GetProperty("id").GetString() == "data_gap");
        var viaDashboard = JsonDocument.Parse(await admin.GetStringAsync("/api/alerting/rules")).RootElement.EnumerateArray();
        Assert.Contains(viaDashboard, r => r.GetProperty("id").GetString() == "fps_low" && r.GetProperty("threshold").GetDouble() == 25);

        var audit = await AuditAsync(admin, "alert-rule.");
        Assert.Equal(
            [("alert-rule.delete", "data_gap", "ok"), ("alert-rule.save", "fps_low", "failed"), ("alert-rule.save", "fps_low", "failed"), ("alert-rule.save", "fps_low", "ok")],
            audit.Select(e => (e.Action, e.Target, e.Outcome)));
        Assert.All(audit, e => Assert.Equal("chief", e.Actor));
        Assert.Equal("rule 'fps_low': for is 2.00:00:00; it must be 00:00:00–1.00:00:00", audit[1].Detail);
        Assert.Contains("unknown metric field 'fpz'", audit[2].Detail, StringComparison.Ordinal);
        Assert.Contains("\"threshold\":25", audit[3].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_ManagerReadsButMayNotChange_OnCallSilencesOnlyTheirSites_AndSeesOnlyTheirRota()
    {
        using var factory = Dashboard(Token);
        factory.CreateUser("chief", ["admin"]);
        factory.CreateUser("boss", ["manager"]);
        factory.CreateUser("lin", ["on-call"], ["s1"]);
        using var admin = await factory.SignedInAsync("chief");
        using var manager = await factory.SignedInAsync("boss");
        using var onCall = await factory.SignedInAsync("lin");

        using (var rota = await admin.PutAsync("/api/alerting/rota", Json("""[{"site":"s1","level":0,"name":"Lin"},{"site":"s2","level":0,"name":"Zhao"},{"site":"*","level":1,"name":"Chief"}]""")))
        {
            Assert.Equal(HttpStatusCode.NoContent, rota.StatusCode);
        }

        using (var denied = await manager.PutAsync("/api/alerting/rota", Json("[]")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        Assert.Equal(3, JsonDocument.Parse(await manager.GetStringAsync("/api/alerting/rota")).RootElement.GetArrayLength());
        var seen = JsonDocument.Parse(await onCall.GetStringAsync("/api/alerting/rota")).RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString());
        Assert.Equal(["Lin", "Chief"], seen);

        // Who is on duty now: the collector asked for the sites the reader sees, per level.
        var sites = factory.Services.GetRequiredService<LiveRoom.Dashboard.Schedules.ScheduleStore>();
        Assert.True(sites.TryCreateSite(new LiveRoom.Dashboard.Schedules.SiteRecord("s1", "Studio 1", "Asia/Shanghai", [])));
        Assert.True(sites.TryCreateSite(new LiveRoom.Dashboard.Schedules.SiteRecord("s2", "Studio 2", "Asia/Shanghai", [])));
        string OnDuty(JsonDocument levels) => string.Join(" ", levels.RootElement.EnumerateArray().Select(l =>
            $"{l.GetProperty("site").GetString()}/{l.GetProperty("level").GetInt32()}:{string.Join(",", l.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()))}"));
        Assert.Equal("s1/0:Lin s1/1:Chief s2/0:Zhao s2/1:Chief", OnDuty(JsonDocument.Parse(await manager.GetStringAsync("/api/alerting/on-duty"))));
        Assert.Equal("s1/0:Lin s1/1:Chief", OnDuty(JsonDocument.Parse(await onCall.GetStringAsync("/api/alerting/on-duty"))));

        var now = DateTimeOffset.UtcNow;
        string Silence(string id, string? site) => string.Create(CultureInfo.InvariantCulture, $$"""{"id":"{{id}}",{{(site is null ? string.Empty : $"\"site\":\"{site}\",")}}"startsAt":"{{now:O}}","endsAt":"{{now.AddHours(2):O}}","createdBy":"someone else"}""");
        using (var own = await onCall.PostAsync("/api/alerting/silences", Json(Silence("m1", "s1"))))
        {
            Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        }

        using (var other = await onCall.PostAsync("/api/alerting/silences", Json(Silence("m2", "s2"))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            Assert.Contains("site 's2'", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var everywhere = await onCall.PostAsync("/api/alerting/silences", Json(Silence("m3", null))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, everywhere.StatusCode);
        }

        using (var managerSilence = await manager.PostAsync("/api/alerting/silences", Json(Silence("m4", "s1"))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, managerSilence.StatusCode);
        }

        var silences = JsonDocument.Parse(await admin.GetStringAsync("/api/alerting/silences")).RootElement.EnumerateArray().ToList();
        Assert.Equal(["m1"], silences.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("lin", silences[0].GetProperty("createdBy").GetString());
        var audit = await AuditAsync(admin, "silence.");
        Assert.Equal([("m3", "denied", "lin"), ("m2", "denied", "lin"), ("m1", "ok", "lin")], audit.Select(e => (e.Target, e.Outcome, e.Actor)));
        Assert.Single(await AuditAsync(admin, "rota."), e => e.Actor == "chief" && e.Outcome == "ok");
    }

    [Fact]
    public async Task Gaps_EachWithTheShowsItFallsOn_ChecklistIncluded_OnlyTheReadersSites()
    {
        using var factory = Dashboard(Token);
        factory.CreateUser("chief", ["admin"]);
        factory.CreateUser("lin", ["on-call"], ["s1"]);
        using var admin = await factory.SignedInAsync("chief");
        using var onCall = await factory.SignedInAsync("lin");
        var store = factory.Services.GetRequiredService<LiveRoom.Dashboard.Schedules.ScheduleStore>();
        foreach (var site in new[] { "s1", "s2" })
        {
            Assert.True(store.TryCreateSite(new LiveRoom.Dashboard.Schedules.SiteRecord(site, "Studio " + site, "UTC", [])));
            Assert.True(store.TryCreateRoom(new LiveRoom.Dashboard.Schedules.RoomRecord(site, "room-1", "Room One")));
        }

        // s1: Lin is on level 0 up to the day after tomorrow (UTC); from then until the week's end nobody is.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var gapStart = new DateTimeOffset(today.AddDays(3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        using (var rota = await admin.PutAsync("/api/alerting/rota", Json($$"""[{"site":"s1","level":0,"name":"Lin","lastDate":"{{today.AddDays(2):yyyy-MM-dd}}"}]""")))
        {
            Assert.Equal(HttpStatusCode.NoContent, rota.StatusCode);
        }

        Assert.Null(store.TrySave(
        [
            new LiveRoom.Dashboard.Schedules.ShowRecord("before", "s1", "room-1", gapStart.AddHours(-3), gapStart.AddHours(-1), "Covered", "Lin", null),
            new LiveRoom.Dashboard.Schedules.ShowRecord("checklist", "s1", "room-1", gapStart.AddMinutes(10), gapStart.AddHours(1), "Checklist at 23:40", "Lin", null),
            new LiveRoom.Dashboard.Schedules.ShowRecord("inside", "s1", "room-1", gapStart.AddHours(20), gapStart.AddHours(22), "Evening sale", "Wu", null),
            new LiveRoom.Dashboard.Schedules.ShowRecord("other", "s2", "room-1", gapStart.AddHours(20), gapStart.AddHours(22), "Elsewhere", "Zhao", null),
        ]));

        static string Gaps(JsonDocument gaps) => string.Join(" | ", gaps.RootElement.EnumerateArray().Select(g =>
            $"{g.GetProperty("site").GetString()}/{g.GetProperty("level").GetInt32()} {g.GetProperty("start").GetDateTimeOffset():MM-dd HH:mm}: "
            + string.Join(",", g.GetProperty("shows").EnumerateArray().Select(s => s.GetProperty("id").GetString() + "@" + s.GetProperty("roomName").GetString()))));

        Assert.Equal($"s1/0 {gapStart:MM-dd HH:mm}: checklist@Room One,inside@Room One", Gaps(JsonDocument.Parse(await onCall.GetStringAsync("/api/alerting/gaps"))));
        var all = JsonDocument.Parse(await admin.GetStringAsync("/api/alerting/gaps"));
        Assert.StartsWith($"s1/0 {gapStart:MM-dd HH:mm}: checklist@Room One,inside@Room One | s2/0 ", Gaps(all), StringComparison.Ordinal);
        Assert.EndsWith(": other@Room One", Gaps(all), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestNotice_OnCallForTheirSite_EachChannelsOutcome_NamedAsSender_Audited_OtherSiteDenied()
    {
        using var factory = Dashboard(Token);
        factory.CreateUser("chief", ["admin"]);
        factory.CreateUser("lin", ["on-call"], ["s1"]);
        using var admin = await factory.SignedInAsync("chief");
        using var onCall = await factory.SignedInAsync("lin");
        using (var rota = await admin.PutAsync("/api/alerting/rota", Json("""[{"site":"s1","level":0,"name":"Lin","mobile":"13800000001"},{"site":"*","level":1,"name":"Chief"}]""")))
        {
            Assert.Equal(HttpStatusCode.NoContent, rota.StatusCode);
        }

        // Where notices go, for every reader.
        var configured = JsonDocument.Parse(await onCall.GetStringAsync("/api/alerting/channels")).RootElement.EnumerateArray();
        Assert.Equal([("ops-hook", "webhook", "info"), ("ops-robot", "dingtalk", "info")], configured.Select(c => (c.GetProperty("channel").GetString(), c.GetProperty("type").GetString(), c.GetProperty("minSeverity").GetString())));

        using (var sent = await onCall.PostAsync("/api/alerting/test-notice", Json("""{"site":"s1","level":0}""")))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            using var outcome = JsonDocument.Parse(await sent.Content.ReadAsStringAsync());
            Assert.Equal(["Lin"], outcome.RootElement.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
            var channels = outcome.RootElement.GetProperty("channels").EnumerateArray().ToList();
            Assert.Equal([("ops-hook", "webhook", true), ("ops-robot", "dingtalk", false)], channels.Select(c => (c.GetProperty("channel").GetString(), c.GetProperty("type").GetString(), c.GetProperty("delivered").GetBoolean())));
            Assert.Contains("310000", channels[1].GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Contains("sign not match", channels[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        // The webhook got a test — no alert in it, named as sent by the signed-in user — for the person on duty.
        var received = Assert.Single(_receiver.Received);
        Assert.Equal(("test", "[TEST] s1: LiveRoom test notice, no action needed", 0), (received["kind"]!.GetValue<string>(), received["title"]!.GetValue<string>(), received["alerts"]!.AsArray().Count));
        Assert.Equal("Lin", received["recipients"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("lin", received["sentBy"]!.GetValue<string>());

        using (var other = await onCall.PostAsync("/api/alerting/test-notice", Json("""{"site":"s2","level":0}""")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        using (var level = await admin.PostAsync("/api/alerting/test-notice", Json("""{"site":"s1","level":5}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, level.StatusCode);
            Assert.Contains("level 5 is not on the rota of site 's1' (levels 0 to 1)", await level.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Single(_receiver.Received);
        var audit = await AuditAsync(admin, "alert-notice.");
        Assert.Equal([("chief", "s1", "failed"), ("lin", "s2", "denied"), ("lin", "s1", "failed")], audit.Select(e => (e.Actor, e.Target, e.Outcome)));
        Assert.StartsWith("ops-robot: ", audit[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongTokenOrNone_SaysWhichSettingToFix_AndTheFailedChangeIsAudited()
    {
        using (var factory = Dashboard("not-the-collectors-token-0123456789-abc"))
        {
            factory.CreateUser("chief", ["admin"]);
            using var admin = await factory.SignedInAsync("chief");

            using var refused = await admin.DeleteAsync("/api/alerting/rules/fps_low");

            Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
            Assert.Contains("Dashboard:AlertsAdminToken must equal the collector's Ingest:Alerts:AdminToken", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var entry = Assert.Single(await AuditAsync(admin, "alert-rule."));
            Assert.Equal("failed", entry.Outcome);
        }

        using (var factory = Dashboard(null))
        {
            factory.CreateUser("chief", ["admin"]);
            using var admin = await factory.SignedInAsync("chief");

            using var unavailable = await admin.GetAsync("/api/alerting/rules");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
            Assert.Contains("Dashboard:AlertsAdminToken", await unavailable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private DashboardFactory Dashboard(string? token) => new(new Dictionary<string, string?>
    {
        // Nothing is read from InfluxDB here; port 9 refuses at once.
        ["Dashboard:Influx:Url"] = "http://127.0.0.1:9",
        ["Dashboard:AlertsUrl"] = _collectorUrl,
        ["Dashboard:AlertsAdminToken"] = token,
    });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<List<AuditEntry>> AuditAsync(HttpClient admin, string actionPrefix) =>
        (await admin.GetFromJsonAsync<List<AuditEntry>>("/api/audit?limit=500", new JsonSerializerOptions(JsonSerializerDefaults.Web)))!
            .Where(e => e.Action.StartsWith(actionPrefix, StringComparison.Ordinal))
            .ToList();
}
