using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Reports;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Series;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Tests.Reports;

/// <summary>Issue 8 item 4: compliance per room and period from a real influxd, as JSON and CSV.</summary>
public sealed class ComplianceReportTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(false, "raw")]
    [InlineData(true, "rollup")]
    public async Task Compliance_HourWithQuarterAt720p_Reports75PercentAnd1080p30(bool withRollup, string source)
    {
        var (factory, end) = await SeedAsync();
        using (factory)
        {
            if (withRollup)
            {
                Assert.True(await factory.Services.GetServices<IHostedService>().OfType<RollupMaintainer>().Single().EnsureAsync(CancellationToken.None));
            }

            using var client = await ManagerAsync(factory);
            var report = await client.GetFromJsonAsync<ComplianceReport>(Uri(end.AddHours(-1), end), Json);

            Assert.Equal(source, report!.Source);
            var room1 = report.Rooms.Single(r => r.Room == "room-1");
            Assert.Equal(60, room1.ReportedMinutes, 0.5);
            Assert.Equal(75, room1.PercentAt1080p30!.Value, 1.0);
            Assert.Equal(100, room1.PercentStreamBitrateAtLeast4Mbps!.Value, 1.0);
            Assert.Null(room1.PercentUplinkAtLeast4Mbps);
            Assert.Equal(2, room1.Events);
        }
    }

    /// <remarks>
    /// everyMinute: the encoder drops out for the second half of every minute instead. A rollup minute that only knew
    /// its up seconds met the standard used to count as a whole minute at 1080p30 (100 %); it now adds its seconds.
    /// </remarks>
    [Theory]
    [InlineData(false, "raw", false)]
    [InlineData(true, "rollup", false)]
    [InlineData(false, "raw", true)]
    [InlineData(true, "rollup", true)]
    public async Task Compliance_StreamDownHalfTheHour_CountsAgainstTheRoom(bool withRollup, string source, bool everyMinute)
    {
        var (factory, end) = await SeedAsync();
        using (factory)
        {
            // room-2: 30 minutes at 1080p30, then 30 minutes with the encoder silent (the edge says up=false, no figures).
            var start = end.AddHours(-1);
            await InfluxTestData.WriteAsync(
                influx.Server.BaseUri,
                factory.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.Influx.Database,
                [.. Enumerable.Range(0, 3600).Select(s => (everyMinute ? s % 60 < 30 : s < 1800)
                    ? InfluxTestData.StreamPoint("demo", "room-2", 1920, 1080, 30, 5_000_000, true, start.AddSeconds(s))
                    : InfluxTestData.DownStreamPoint("demo", "room-2", start.AddSeconds(s)))]);
            if (withRollup)
            {
                Assert.True(await factory.Services.GetServices<IHostedService>().OfType<RollupMaintainer>().Single().EnsureAsync(CancellationToken.None));
            }

            using var client = await ManagerAsync(factory);
            var report = await client.GetFromJsonAsync<ComplianceReport>(Uri(start, end), Json);

            Assert.Equal(source, report!.Source);
            var room2 = report.Rooms.Single(r => r.Room == "room-2");
            Assert.Equal(60, room2.ReportedMinutes, 0.5);
            Assert.Equal(50, room2.PercentAt1080p30!.Value, 1.0);
            Assert.Equal(50, room2.PercentStreamBitrateAtLeast4Mbps!.Value, 1.0);
        }
    }

    [Fact]
    public async Task Compliance_RoomNotRolledUpYet_IsReportedFromItsRawPoints()
    {
        var (factory, end) = await SeedAsync();
        using (factory)
        {
            Assert.True(await factory.Services.GetServices<IHostedService>().OfType<RollupMaintainer>().Single().EnsureAsync(CancellationToken.None));
            // room-2 began reporting after the rollup was made: its 3 minutes are raw points only.
            await InfluxTestData.WriteAsync(
                influx.Server.BaseUri,
                factory.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.Influx.Database,
                [.. Enumerable.Range(0, 180).Select(s => InfluxTestData.StreamPoint("demo", "room-2", 1920, 1080, 30, 5_000_000, true, end.AddMinutes(-3).AddSeconds(s)))]);
            using var client = await ManagerAsync(factory);

            // A day, so the rollup is read for all but the newest minutes; 07:00:30-style unaligned start too.
            var report = await client.GetFromJsonAsync<ComplianceReport>(Uri(end.AddDays(-1).AddSeconds(-30), end), Json);

            Assert.Equal("rollup", report!.Source);
            Assert.Equal(60, report.Rooms.Single(r => r.Room == "room-1").ReportedMinutes, 0.5);
            Assert.Equal(75, report.Rooms.Single(r => r.Room == "room-1").PercentAt1080p30!.Value, 1.0);
            var room2 = report.Rooms.Single(r => r.Room == "room-2");
            Assert.Equal(3, room2.ReportedMinutes, 0.1);
            Assert.Equal(100, room2.PercentAt1080p30!.Value, 0.1);
        }
    }

    [Fact]
    public async Task Compliance_Csv_EscapesFormulaRoomNamesAndIsAudited()
    {
        var (factory, end) = await SeedAsync();
        using (factory)
        {
            using var client = await ManagerAsync(factory);

            using var response = await client.GetAsync(new System.Uri(Uri(end.AddHours(-1), end) + "&format=csv", UriKind.Relative));
            var csv = await response.Content.ReadAsStringAsync();

            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(',', ReportsApi.CsvHeader), lines[0]);
            Assert.Contains(lines, l => l.StartsWith("demo,'=HYPERLINK(1),", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("demo,room-1,", StringComparison.Ordinal) && l.EndsWith(",75,,100,2", StringComparison.Ordinal));
            Assert.Contains(factory.Services.GetRequiredService<AuditLog>().Read(100, AuditActions.ReportExport), e => e.Actor == "boss");
        }
    }

    [Fact]
    public async Task Compliance_FiveYearPeriod_Returns400()
    {
        var (factory, end) = await SeedAsync();
        using (factory)
        {
            using var client = await ManagerAsync(factory);

            using var response = await client.GetAsync(new System.Uri(Uri(end.AddYears(-5), end), UriKind.Relative));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    private static string Uri(DateTimeOffset from, DateTimeOffset to) => string.Create(
        CultureInfo.InvariantCulture,
        $"/api/reports/compliance?from={from.ToUnixTimeMilliseconds()}&to={to.ToUnixTimeMilliseconds()}");

    private static async Task<HttpClient> ManagerAsync(DashboardFactory factory)
    {
        factory.CreateUser("boss", ["manager"]);
        return await factory.SignedInAsync("boss");
    }

    /// <summary>One hour of room-1 at 1/s: 45 min 1080p30, 15 min 720p; two events; a room named like a formula.</summary>
    private async Task<(DashboardFactory Factory, DateTimeOffset End)> SeedAsync()
    {
        var db = "t" + Guid.NewGuid().ToString("N")[..12];
        await InfluxTestData.CreateDatabaseAsync(influx.Server.BaseUri, db);
        var end = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);
        var start = end.AddHours(-1);
        var lines = new List<string>();
        for (var s = 0; s < 3600; s++)
        {
            var hd = s < 2700;
            lines.Add(InfluxTestData.StreamPoint("demo", "room-1", hd ? 1920 : 1280, hd ? 1080 : 720, 30, 5_000_000, true, start.AddSeconds(s)));
        }

        lines.Add(InfluxTestData.StreamPoint("demo", "\\=HYPERLINK(1)", 1920, 1080, 30, 5_000_000, true, start.AddSeconds(10)));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"event,room=room-1,site=demo,type=freeze message=\"picture frozen\" {start.AddMinutes(50).ToUnixTimeMilliseconds()}"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"event,room=room-1,site=demo,type=stream_down message=\"stream down\" {start.AddMinutes(55).ToUnixTimeMilliseconds()}"));
        await InfluxTestData.WriteAsync(influx.Server.BaseUri, db, [.. lines]);
        var factory = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Dashboard:Influx:Url"] = influx.Server.BaseUri.ToString(),
            ["Dashboard:Influx:Database"] = db,
            ["Dashboard:Influx:Rollup"] = "false",
        });
        return (factory, end);
    }
}
