using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Schedules;

/// <summary>Sites, rooms and shows through the real API (issue 6 item 1 and "Bad input"), with a fake clock at 1 Oct 2026.</summary>
public sealed class SchedulesApiTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(ScheduleFiles.Now);
    private readonly DashboardFactory _factory;

    public SchedulesApiTests()
    {
        _factory = new DashboardFactory(
            new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" },
            _time);
        _factory.CreateUser("manager", ["manager"]);
        _factory.CreateUser("tech", ["technician"]);
        _factory.CreateUser("oncall", ["on-call"]);
    }

    [Fact]
    public async Task CreateSiteRoomAndShow_ManagerThenTechnician_ListedWithSiteLocalTimes()
    {
        using var manager = await SiteWithRoomsAsync("sh", "Asia/Shanghai");
        using var tech = await _factory.SignedInAsync("tech");

        using var created = await tech.PostAsJsonAsync("/api/sites/sh/shows", Show("room-1", "2026-11-02T20:00:00+08:00", "2026-11-02T22:00:00+08:00", "Evening show"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var oncall = await _factory.SignedInAsync("oncall");
        var shows = await oncall.GetFromJsonAsync<List<ShowResponse>>("/api/sites/sh/shows?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z");
        var show = Assert.Single(shows!);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero), show.Start);
        Assert.Equal(TimeSpan.FromHours(8), show.LocalStart.Offset);
        Assert.Equal(20, show.LocalStart.Hour);
        Assert.Equal(("Evening show", "Li", "Asia/Shanghai"), (show.Title, show.Host, show.TimeZone));
        var audit = _factory.Services.GetRequiredService<AuditLog>().Read(100);
        Assert.Contains(audit, e => e.Action == ScheduleAuditActions.ShowCreate && e.Actor == "tech" && e.Outcome == "ok");
        Assert.Contains(audit, e => e.Action == ScheduleAuditActions.SiteCreate && e.Actor == "manager" && e.Target == "sh");
    }

    [Fact]
    public async Task CreateShow_OverlapsInRoom_409NamingTheOtherShow()
    {
        using var client = await SiteWithRoomsAsync("sh", "Asia/Shanghai");
        (await client.PostAsJsonAsync("/api/sites/sh/shows", Show("room-1", "2026-11-02T20:00:00+08:00", "2026-11-02T22:00:00+08:00", "Evening show"))).EnsureSuccessStatusCode();

        using var refused = await client.PostAsJsonAsync("/api/sites/sh/shows", Show("room-1", "2026-11-02T21:00:00+08:00", "2026-11-02T23:00:00+08:00", "Late show"));
        using var otherRoom = await client.PostAsJsonAsync("/api/sites/sh/shows", Show("room-2", "2026-11-02T21:00:00+08:00", "2026-11-02T23:00:00+08:00", "Late show"));
        using var adjacent = await client.PostAsJsonAsync("/api/sites/sh/shows", Show("room-1", "2026-11-02T22:00:00+08:00", "2026-11-02T23:00:00+08:00", "Right after"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(
            "'Late show' (2026-11-02 21:00–23:00 Asia/Shanghai) overlaps the scheduled show 'Evening show' (2026-11-02 20:00–22:00 Asia/Shanghai) in room room-1",
            await DetailAsync(refused));
        Assert.Equal(HttpStatusCode.Created, otherRoom.StatusCode);
        Assert.Equal(HttpStatusCode.Created, adjacent.StatusCode);
    }

    [Theory]
    [InlineData("room-1", "2026-09-30T20:00:00+08:00", "2026-09-30T22:00:00+08:00", "Past", "start 2026-09-30 20:00 (Asia/Shanghai) is in the past (now 2026-10-01 08:00)")]
    [InlineData("room-1", "2026-11-02T22:00:00+08:00", "2026-11-02T22:00:00+08:00", "Empty", "end 2026-11-02 22:00 is not after start 2026-11-02 22:00 (Asia/Shanghai)")]
    [InlineData("room-9", "2026-11-02T20:00:00+08:00", "2026-11-02T22:00:00+08:00", "Nowhere", "unknown room 'room-9' in site 'sh'")]
    [InlineData("room/1", "2026-11-02T20:00:00+08:00", "2026-11-02T22:00:00+08:00", "Slash", "room id: identifier 'room/1' contains '/'; allowed are letters, digits, '-', '_' and '.'")]
    [InlineData("room-1", "2026-11-02T20:00:00+08:00", "2026-11-02T22:00:00+08:00", "", "title is empty")]
    public async Task CreateShow_BadInput_400NamingTheProblem(string room, string start, string end, string title, string expected)
    {
        using var client = await SiteWithRoomsAsync("sh", "Asia/Shanghai");

        using var response = await client.PostAsJsonAsync("/api/sites/sh/shows", Show(room, start, end, title));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, await DetailAsync(response));
    }

    [Fact]
    public async Task CreateSite_TimeZones_UnknownRefusedWindowsNameMapped()
    {
        using var client = await _factory.SignedInAsync("manager");

        using var unknown = await client.PostAsJsonAsync("/api/sites/", new SiteRequest("x", "X", "Asia/Atlantis"));
        using var windows = await client.PostAsJsonAsync("/api/sites/", new SiteRequest("de", "Berlin studio", "W. Europe Standard Time"));
        using var badId = await client.PostAsJsonAsync("/api/sites/", new SiteRequest("a b", "X", "UTC"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("time zone 'Asia/Atlantis' is unknown; give an IANA name such as Asia/Shanghai or Europe/Berlin", await DetailAsync(unknown));
        Assert.Equal(HttpStatusCode.Created, windows.StatusCode);
        Assert.Equal("Europe/Berlin", (await windows.Content.ReadFromJsonAsync<SiteResponse>())!.TimeZone);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
    }

    [Fact]
    public async Task Sites_TechnicianAndOnCall_MayReadButNotEdit()
    {
        using var manager = await SiteWithRoomsAsync("sh", "Asia/Shanghai");
        using var tech = await _factory.SignedInAsync("tech");
        using var oncall = await _factory.SignedInAsync("oncall");

        Assert.Equal(HttpStatusCode.Forbidden, (await tech.PostAsJsonAsync("/api/sites/", new SiteRequest("y", "Y", "UTC"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tech.PostAsJsonAsync("/api/sites/sh/rooms", new RoomRequest("room-3", "Room 3"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await oncall.PostAsJsonAsync("/api/sites/sh/shows", Show("room-1", "2026-11-02T20:00:00+08:00", "2026-11-02T22:00:00+08:00", "X"))).StatusCode);
        var site = await oncall.GetFromJsonAsync<SiteResponse>("/api/sites/sh");
        Assert.Equal(["room-1", "room-2"], site!.Rooms.Select(r => r.Id));
        Assert.Equal(["mic"], site.Manual.Select(m => m.Id));
    }

    [Fact]
    public async Task Sites_UserScopedToOtherSite_SeesNothingAndCannotSchedule()
    {
        using var manager = await SiteWithRoomsAsync("sh", "Asia/Shanghai");
        _factory.CreateUser("elsewhere", ["technician"], ["de"]);
        using var scoped = await _factory.SignedInAsync("elsewhere");

        Assert.Empty((await scoped.GetFromJsonAsync<List<SiteResponse>>("/api/sites/"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.GetAsync(new Uri("/api/sites/sh/shows", UriKind.Relative))).StatusCode);
        using var refused = await scoped.PostAsJsonAsync("/api/sites/sh/shows", Show("room-1", "2026-11-02T20:00:00+08:00", "2026-11-02T22:00:00+08:00", "X"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("No site 'sh'.", await DetailAsync(refused));
    }

    [Fact]
    public async Task UpdateAndDeleteShow_MovedRoomAndCancelled_StoreFollows()
    {
        using var client = await SiteWithRoomsAsync("sh", "Asia/Shanghai");
        using var created = await client.PostAsJsonAsync("/api/sites/sh/shows", Show("room-1", "2026-11-02T20:00:00+08:00", "2026-11-02T22:00:00+08:00", "Evening show"));
        var show = (await created.Content.ReadFromJsonAsync<ShowResponse>())!;

        using var moved = await client.PutAsJsonAsync($"/api/sites/sh/shows/{show.Id}", Show("room-2", "2026-11-02T20:00:00+08:00", "2026-11-02T23:00:00+08:00", "Evening show, longer"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var store = _factory.Services.GetRequiredService<ScheduleStore>();
        var stored = store.FindShow("sh", show.Id)!;
        Assert.Equal(("room-2", "Evening show, longer"), (stored.Room, stored.Title));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/sites/sh/shows/{show.Id}", UriKind.Relative))).StatusCode);
        Assert.Null(store.FindShow("sh", show.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(new Uri($"/api/sites/sh/shows/{show.Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Import_IcsAcrossBerlinDst_CreatesEveryOccurrence()
    {
        using var client = await SiteWithRoomsAsync("de", "Europe/Berlin");

        using var response = await ImportAsync(client, "de", "berlin-weekly-dst.ics", "text/calendar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<ImportResponse>())!;
        Assert.Equal((4, 0, 0), (result.Created, result.SkippedPast, result.BeyondHorizon));
        var shows = _factory.Services.GetRequiredService<ScheduleStore>().ListShows("de", "room-1", ScheduleFiles.Now, ScheduleFiles.Now.AddDays(60));
        Assert.Equal([18, 18, 19, 19], shows.Select(s => s.Start.Hour));
        Assert.All(shows, s => Assert.Equal("Anna Schmidt", s.Host));
    }

    [Fact]
    public async Task Import_IcsRoomByName_ResolvesToRoomId()
    {
        using var client = await SiteWithRoomsAsync("de", "Europe/Berlin");

        using var response = await ImportAsync(client, "de", "mixed-zones.ics", "text/calendar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shows = _factory.Services.GetRequiredService<ScheduleStore>().ListShows("de", null, ScheduleFiles.Now, ScheduleFiles.Now.AddDays(60));
        Assert.Equal(["room-2", "room-1", "room-1"], shows.Select(s => s.Room));
    }

    [Fact]
    public async Task Import_CsvMalformedLine_400WithLineNumberAndNothingStored()
    {
        using var client = await SiteWithRoomsAsync("sh", "Asia/Shanghai");

        using var response = await ImportAsync(client, "sh", "malformed-line4.csv", "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("line 4: start '2026-11-04 8pm' is not an ISO 8601 time", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Empty(_factory.Services.GetRequiredService<ScheduleStore>().ListShows("sh", null, ScheduleFiles.Now, ScheduleFiles.Now.AddDays(90)));
    }

    [Fact]
    public async Task Import_CsvMalformedLine_ReaderPrefersChinese_TitleAndDetailInChinese()
    {
        using var client = await SiteWithRoomsAsync("sh", "Asia/Shanghai");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/sites/sh/shows/import", UriKind.Relative))
        {
            Content = new StringContent(ScheduleFiles.Read("malformed-line4.csv"), Encoding.UTF8, "text/csv"),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        request.Headers.AcceptLanguage.ParseAdd("en;q=0.5");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("排期未导入", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(
            "第 4 行：start 列的“2026-11-04 8pm”不是 ISO 8601 时间（例如 2026-11-23T14:00:00+08:00，或按站点时区写 2026-11-23 14:00）",
            body.RootElement.GetProperty("detail").GetString());
        Assert.Equal(["zh-CN"], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        // The carrier of the Chinese texts is not part of the answer; the audit trail keeps the English.
        Assert.False(body.RootElement.TryGetProperty("liveroom.zh", out _));
        Assert.Contains(
            _factory.Services.GetRequiredService<AuditLog>().Read(10),
            e => e.Action == ScheduleAuditActions.ShowImport && e.Outcome == "failed" && e.Detail!.StartsWith("line 4: start '2026-11-04 8pm'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "Unknown show", "No show 'nope' in site 'sh'.", "en")]
    [InlineData("de-DE, en;q=0.1", "Unknown show", "No show 'nope' in site 'sh'.", "en")]
    [InlineData("de-DE, zh;q=0.3", "未知场次", "站点“sh”没有场次“nope”。", "zh-CN")]
    [InlineData("zh-TW;q=0.9, en;q=0.8", "未知场次", "站点“sh”没有场次“nope”。", "zh-CN")]
    public async Task GetShow_Unknown_ProblemInTheNegotiatedLanguage(string? acceptLanguage, string title, string detail, string contentLanguage)
    {
        using var client = await SiteWithRoomsAsync("sh", "Asia/Shanghai");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/sites/sh/shows/nope", UriKind.Relative));
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((title, detail), (body.RootElement.GetProperty("title").GetString(), body.RootElement.GetProperty("detail").GetString()));
        Assert.Equal([contentLanguage], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task Import_CsvOverlapInsideFile_409NamingBothLines()
    {
        using var client = await SiteWithRoomsAsync("sh", "Asia/Shanghai");

        using var response = await ImportAsync(client, "sh", "overlap-in-file.csv", "text/csv");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            "line 4: 'Late show' (2026-11-02 21:30–23:00 Asia/Shanghai) overlaps show line 2: 'First show' (2026-11-02 20:00–22:00 Asia/Shanghai) in room room-1; nothing was imported",
            await DetailAsync(response));
        Assert.Empty(_factory.Services.GetRequiredService<ScheduleStore>().ListShows("sh", null, ScheduleFiles.Now, ScheduleFiles.Now.AddDays(90)));
    }

    [Fact]
    public async Task Import_CsvOverlapWithStoredShow_409NamingItAndNothingImported()
    {
        using var client = await SiteWithRoomsAsync("sh", "Asia/Shanghai");
        (await client.PostAsJsonAsync("/api/sites/sh/shows", Show("room-2", "2026-11-02T11:00:00Z", "2026-11-02T12:30:00Z", "Stored show"))).EnsureSuccessStatusCode();

        using var response = await ImportAsync(client, "sh", "valid.csv", "text/csv");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            "line 5: 'Morning show' (2026-11-02 20:00–22:00 Asia/Shanghai) overlaps the scheduled show 'Stored show' (2026-11-02 19:00–20:30 Asia/Shanghai) in room room-2; nothing was imported",
            await DetailAsync(response));
        var stored = _factory.Services.GetRequiredService<ScheduleStore>().ListShows("sh", null, ScheduleFiles.Now, ScheduleFiles.Now.AddDays(90));
        Assert.Equal(["Stored show"], stored.Select(s => s.Title));
    }

    [Fact]
    public async Task Import_CsvValid_CreatesAllWithProfiles()
    {
        using var client = await SiteWithRoomsAsync("sh", "Asia/Shanghai");

        using var response = await ImportAsync(client, "sh", "valid.csv", "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<ImportResponse>())!.Created);
        var stored = _factory.Services.GetRequiredService<ScheduleStore>().ListShows("sh", "room-2", ScheduleFiles.Now, ScheduleFiles.Now.AddDays(90));
        Assert.Equal(3840, Assert.Single(stored).Profile!.Width);
    }

    [Fact]
    public async Task Import_UnsupportedContentType_415NamingTheTypes()
    {
        using var client = await SiteWithRoomsAsync("sh", "Asia/Shanghai");

        using var response = await client.PostAsync(new Uri("/api/sites/sh/shows/import", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("text/calendar (.ics) or text/csv (.csv)", await DetailAsync(response), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    internal static ShowRequest Show(string room, string start, string end, string title) =>
        new(room, DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), title, "Li", null);

    internal static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string site, string file, string mediaType) =>
        client.PostAsync(new Uri($"/api/sites/{site}/shows/import", UriKind.Relative), new StringContent(ScheduleFiles.Read(file), Encoding.UTF8, mediaType));

    /// <summary>A manager's client, after creating the site with rooms room-1, room-2 ("Studio One") and manual item "mic".</summary>
    private async Task<HttpClient> SiteWithRoomsAsync(string site, string zone)
    {
        var client = await _factory.SignedInAsync("manager");
        (await client.PostAsJsonAsync("/api/sites/", new SiteRequest(site, "Site " + site, zone))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/sites/{site}/rooms", new RoomRequest("room-1", "Room 1"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/sites/{site}/rooms", new RoomRequest("room-2", "Studio One"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/sites/{site}/manual-items", new ManualItemRequest("mic", "Microphone battery charged"))).EnsureSuccessStatusCode();
        return client;
    }
}
