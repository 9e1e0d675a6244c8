using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Dashboard.Reports;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Reports;

/// <summary>
/// Issue 8 item 4, per show: compliance over the show's scheduled time (real influxd), the pre-show checklist's
/// punctuality from the edge's checklist points, and incidents with time to acknowledge / resolve from the collector.
/// </summary>
public sealed class ShowReportsTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ShowReport_HalfAt720p_ChecklistOnTimeAndPassed_IncidentsTimed()
    {
        await using var collector = await FakeCollectorAsync();
        var (factory, show) = await SeedAsync(collector.Url);
        using (factory)
        {
            factory.CreateUser("boss", ["manager"]);
            using var client = await factory.SignedInAsync("boss");

            var detail = await client.GetFromJsonAsync<ShowReportDetail>($"/api/reports/shows/demo/{show.Id}", Json);
            var r = detail!.Report;
            Assert.Equal(("Spring sale", "room-1"), (r.Title, r.Room));
            Assert.Equal(60, r.ReportedMinutes, 0.5);
            Assert.Equal(50, r.PercentAt1080p30!.Value, 1.0);
            Assert.True(r.Checklist.OnTime, $"lead {r.Checklist.LeadMinutes} min");
            Assert.Equal(30, r.Checklist.LeadMinutes!.Value, 0.1);
            Assert.True(r.Checklist.Passed);
            Assert.True(r.Checklist.ReadyAtT10);
            Assert.Contains(detail.ChecklistItems, i => i.Item == "uplink" && i.Status == "pass");
            Assert.Equal((true, 2, 3.0, 12.0), (r.Incidents.Available, r.Incidents.Count, r.Incidents.MeanMinutesToAcknowledge, r.Incidents.MeanMinutesToResolve));
            Assert.Equal("room=room-1", collector.LastQuery.Split('&').Single(p => p.StartsWith("room=", StringComparison.Ordinal)));

            var from = show.Start.AddHours(-1).ToUnixTimeMilliseconds();
            var to = show.End.AddHours(1).ToUnixTimeMilliseconds();
            var list = await client.GetFromJsonAsync<ShowReportsResponse>(string.Create(CultureInfo.InvariantCulture, $"/api/reports/shows?from={from}&to={to}"), Json);
            Assert.Equal(show.Id, Assert.Single(list!.Shows).ShowId);
            var csv = await client.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"/api/reports/shows?from={from}&to={to}&format=csv"));
            var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(',', ShowReportsApi.CsvHeader), lines[0]);
            Assert.StartsWith($"demo,room-1,{show.Id},Spring sale,Li Na,", lines[1], StringComparison.Ordinal);

            using var unknown = await client.GetAsync("/api/reports/shows/demo/no-such-show");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }

    [Fact]
    public async Task ShowReport_NoChecklistRun_NoCollector_SaysSo()
    {
        var (factory, show) = await SeedAsync(alertsUrl: null, checklist: false);
        using (factory)
        {
            factory.CreateUser("boss", ["manager"]);
            using var client = await factory.SignedInAsync("boss");

            var r = (await client.GetFromJsonAsync<ShowReportDetail>($"/api/reports/shows/demo/{show.Id}", Json))!.Report;

            Assert.False(r.Checklist.OnTime);
            Assert.False(r.Checklist.Passed);
            Assert.Equal("no checklist run recorded", r.Checklist.Status);
            Assert.False(r.Incidents.Available);
            Assert.Contains("Dashboard:AlertsUrl", r.Incidents.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ShowReport_PrimaryAndStandbyCollectors_ReadFromTheOneThatAnswers_OrSaysWhyForEach()
    {
        await using var collector = await FakeCollectorAsync();
        // The first collector of the list is down (a standby does not listen either).
        var down = $"http://127.0.0.1:{Runtime.Processes.FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
        var (factory, show) = await SeedAsync($"{down}, {collector.Url}");
        using (factory)
        {
            factory.CreateUser("boss", ["manager"]);
            using var client = await factory.SignedInAsync("boss");

            var r = (await client.GetFromJsonAsync<ShowReportDetail>($"/api/reports/shows/demo/{show.Id}", Json))!.Report;

            Assert.Equal((true, 2), (r.Incidents.Available, r.Incidents.Count));
        }

        var (noneUp, show2) = await SeedAsync($"{down},{down.Replace("127.0.0.1", "127.0.0.2", StringComparison.Ordinal)}");
        using (noneUp)
        {
            noneUp.CreateUser("boss", ["manager"]);
            using var client = await noneUp.SignedInAsync("boss");

            var r = (await client.GetFromJsonAsync<ShowReportDetail>($"/api/reports/shows/demo/{show2.Id}", Json))!.Report;

            Assert.False(r.Incidents.Available);
            Assert.Contains(down + "/: ", r.Incidents.Problem, StringComparison.Ordinal);
            Assert.Contains("127.0.0.2", r.Incidents.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ShowReport_CollectorRefusesTheToken_SaysWhichSettingsMustMatch()
    {
        await using var collector = await FakeCollectorAsync();
        var (factory, show) = await SeedAsync(collector.Url, token: "wrong-admin-token-0123456789-0123456789");
        using (factory)
        {
            factory.CreateUser("boss", ["manager"]);
            using var client = await factory.SignedInAsync("boss");

            var r = (await client.GetFromJsonAsync<ShowReportDetail>($"/api/reports/shows/demo/{show.Id}", Json))!.Report;

            Assert.False(r.Incidents.Available);
            Assert.Contains("the collector refused the admin token (Dashboard:AlertsAdminToken must equal the collector's Ingest:Alerts:AdminToken)", r.Incidents.Problem, StringComparison.Ordinal);
        }
    }

    private const string CollectorToken = "collector-admin-token-0123456789-abcdef";

    private async Task<(DashboardFactory Factory, ShowRecord Show)> SeedAsync(string? alertsUrl, bool checklist = true, string token = CollectorToken)
    {
        var db = "s" + Guid.NewGuid().ToString("N")[..12];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var end = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);
        var start = end.AddHours(-1);
        var lines = new List<string>();
        for (var s = 0; s < 3600; s++)
        {
            var hd = s % 2 == 0;
            lines.Add(InfluxTestData.StreamPoint("demo", "room-1", hd ? 1920 : 1280, hd ? 1080 : 720, 30, 5_000_000, true, start.AddSeconds(s)));
        }

        if (checklist)
        {
            // As the edge writes them: one point per item result, one per run change (item _run), at T-30 and T-10.
            var run = "show-x";
            lines.Add(Checklist("uplink", start.AddMinutes(-30), $"run=\"{run}\",show=\"SHOW\",status=\"pass\",value=\"9.1 Mbit/s\",number=9.1,threshold=\">= 4 Mbit/s\",clause=\"6.2.1.1\""));
            lines.Add(Checklist("_run", start.AddMinutes(-30), $"run=\"{run}\",show=\"SHOW\",status=\"running\",clause=\"7.4.3\""));
            lines.Add(Checklist("_run", start.AddMinutes(-10), $"run=\"{run}\",show=\"SHOW\",status=\"ready\",ready_at_t10=true,clause=\"7.4.3\""));
        }

        var factory = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Dashboard:Influx:Url"] = influx.Server.BaseUri.ToString(),
            ["Dashboard:Influx:Database"] = db,
            ["Dashboard:Influx:Rollup"] = "false",
            ["Dashboard:AlertsUrl"] = alertsUrl,
            ["Dashboard:AlertsAdminToken"] = token,
        });
        var store = factory.Services.GetRequiredService<ScheduleStore>();
        store.TryCreateSite(new SiteRecord("demo", "Demo", "Asia/Shanghai", []));
        store.TryCreateRoom(new RoomRecord("demo", "room-1", "Room 1"));
        var show = new ShowRecord("show-1", "demo", "room-1", start, end, "Spring sale", "Li Na", null);
        Assert.Null(store.TrySave([show]));
        await InfluxTestData.WriteAsync(influx.Server.BaseUri, db, [.. lines.Select(l => l.Replace("SHOW", show.Id, StringComparison.Ordinal))]);
        return (factory, show);
    }

    private static string Checklist(string item, DateTimeOffset at, string fields) =>
        string.Create(CultureInfo.InvariantCulture, $"checklist,item={item},room=room-1,site=demo {fields} {at.ToUnixTimeMilliseconds()}");

    /// <summary>
    /// The collector's <c>/api/incidents</c>, as it answers: two incidents, acknowledged after 2 and 4 min, resolved after 10
    /// and 14; like the collector, only to its admin token.
    /// </summary>
    private static async Task<FakeCollector> FakeCollectorAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var collector = new FakeCollector(app);
        app.MapGet("/api/incidents", (HttpContext http) =>
        {
            if (http.Request.Headers.Authorization.ToString() != "Bearer " + CollectorToken)
            {
                return Results.Text("""{"errors":["missing or wrong admin token (Authorization: Bearer, Ingest:Alerts:AdminToken)"]}""", "application/json", statusCode: 403);
            }

            collector.LastQuery = http.Request.QueryString.Value!.TrimStart('?');
            var t0 = DateTimeOffset.UtcNow.AddMinutes(-40);
            string T(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            return Results.Text(
                $$"""[{"alertId":"a1","rule":"fps_low","title":"Frame rate below 30 fps","severity":"warning","firedAt":"{{T(t0)}}","acknowledgedAt":"{{T(t0.AddMinutes(2))}}","acknowledgedBy":"Wang","resolvedAt":"{{T(t0.AddMinutes(10))}}","timeline":[]},{"alertId":"a2","rule":"stream_down","title":"Stream down","severity":"critical","firedAt":"{{T(t0.AddMinutes(20))}}","acknowledgedAt":"{{T(t0.AddMinutes(24))}}","resolvedAt":"{{T(t0.AddMinutes(34))}}","timeline":[]}]""",
                "application/json");
        });
        await app.StartAsync();
        collector.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return collector;
    }

    private sealed class FakeCollector(WebApplication app) : IAsyncDisposable
    {
        public string Url { get; set; } = string.Empty;

        public string LastQuery { get; set; } = string.Empty;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
