using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LiveRoom.Dashboard.Lifecycle;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Lifecycle;

/// <summary>Recorded checklist runs (measurement <c>checklist</c>) from a real influxd, grouped into runs, and their CSV export.</summary>
public sealed class ChecklistRecordsTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task GetChecklists_TwoRunsWithItemsAndConfirmation_GroupedNewestFirstAndCsv()
    {
        var db = "checklists_" + Guid.NewGuid().ToString("N")[..8];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        await InfluxTestData.WriteAsync(
            influx.Server.BaseUri,
            db,
            Point("_run", t0, "run-a", "show-1", "running", null, null, null, null, string.Empty),
            Point("uplink", t0.AddSeconds(5), "run-a", "show-1", "fail", "2.1 Mbit/s", 2.1, "≥ 4 Mbit/s", "7.4.3", string.Empty),
            Point("uplink", t0.AddSeconds(65), "run-a", "show-1", "pass", "5.3 Mbit/s", 5.3, "≥ 4 Mbit/s", "7.4.3", string.Empty),
            Point("mic", t0.AddSeconds(90), "run-a", "show-1", "confirmed", null, null, null, null, "tech"),
            Point("_run", t0.AddSeconds(91), "run-a", "show-1", "ready", null, null, null, null, string.Empty, "ready_at_t10=true"),
            Point("_run", t0.AddHours(1), "run-b", string.Empty, "running", null, null, null, null, "alice"),
            Point("_run", t0.AddHours(1), "run-x", string.Empty, "running", null, null, null, null, "other").Replace("room=room-1", "room=room-2", StringComparison.Ordinal));
        using var factory = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Dashboard:Influx:Url"] = influx.Server.BaseUri.ToString(),
            ["Dashboard:Influx:Database"] = db,
            ["Dashboard:Influx:Rollup"] = "false",
        });
        factory.CreateUser("manager", ["manager"]);
        using var client = await factory.SignedInAsync("manager");
        var range = string.Create(CultureInfo.InvariantCulture, $"from={t0.AddHours(-1).ToUnixTimeMilliseconds()}&to={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");

        var body = await client.GetFromJsonAsync<ChecklistRunsResponse>($"/api/rooms/sh/room-1/checklists?{range}");
        using var csv = await client.GetAsync(new Uri($"/api/rooms/sh/room-1/checklists.csv?{range}", UriKind.Relative));

        Assert.Equal(["run-b", "run-a"], body!.Runs.Select(r => r.Run));
        var a = body.Runs[1];
        Assert.Equal(("show-1", "ready", true), (a.Show, a.Status, a.ReadyAtT10));
        Assert.Equal(["uplink", "uplink", "mic"], a.Items.Select(i => i.Item));
        Assert.Equal(("fail", "2.1 Mbit/s", 2.1, "7.4.3"), (a.Items[0].Status, a.Items[0].Value, a.Items[0].Number, a.Items[0].Clause));
        Assert.Equal(("confirmed", "tech"), (a.Items[2].Status, a.Items[2].By));
        Assert.Equal(("running", "alice"), (body.Runs[0].Status, body.Runs[0].StartedBy));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', LifecycleApi.CsvHeader), lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("sh,room-1,run-a,show-1,ready,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",uplink,fail,2.1 Mbit/s,2.1,≥ 4 Mbit/s,7.4.3,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChecklists_InfluxDown_503NamingIt()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" });
        factory.CreateUser("tech", ["technician"]);
        using var client = await factory.SignedInAsync("tech");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        using var response = await client.GetAsync(new Uri($"/api/rooms/sh/room-1/checklists?from={now - 3_600_000}&to={now}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("is unreachable", await Schedules.SchedulesApiTests.DetailAsync(response), StringComparison.Ordinal);
    }

    private static string Point(string item, DateTimeOffset at, string run, string show, string status, string? value, double? number, string? threshold, string? clause, string by, string? extra = null)
    {
        var fields = new List<string> { $"run=\"{run}\"", $"show=\"{show}\"", $"status=\"{status}\"", $"by=\"{by}\"" };
        if (extra is not null)
        {
            fields.Add(extra);
        }

        if (value is not null)
        {
            fields.Add($"value=\"{value}\"");
            fields.Add(string.Create(CultureInfo.InvariantCulture, $"number={number}"));
            fields.Add($"threshold=\"{threshold}\"");
            fields.Add($"clause=\"{clause}\"");
        }

        return string.Create(CultureInfo.InvariantCulture, $"checklist,item={item},room=room-1,site=sh {string.Join(',', fields)} {at.ToUnixTimeMilliseconds()}");
    }
}
