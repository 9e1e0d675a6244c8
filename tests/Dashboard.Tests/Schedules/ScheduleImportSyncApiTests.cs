using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Schedules;

/// <summary>Re-import through the real API: the counts in the answer and the audit log, and which rooms go to the edges.</summary>
public sealed class ScheduleImportSyncApiTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(ScheduleFiles.Now);
    private readonly RecordingScheduleChanges _changes = new();
    private readonly DashboardFactory _factory;
    private readonly WebApplicationFactory<Program> _app;

    public ScheduleImportSyncApiTests()
    {
        _factory = new DashboardFactory(
            new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" },
            _time);
        _app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IScheduleChanges>(_changes)));
        _app.CreateUser("manager", ["manager"]);
    }

    [Fact]
    public async Task Import_SameThenChangedCalendar_ReportsCountsAuditsThemAndPushesChangedRooms()
    {
        using var client = await _app.SignedInAsync("manager");
        (await client.PostAsJsonAsync("/api/sites/", new SiteRequest("de", "Berlin", "Europe/Berlin"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/sites/de/rooms", new RoomRequest("room-1", "Room 1"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/sites/de/rooms", new RoomRequest("room-2", "Room 2"))).EnsureSuccessStatusCode();
        var calendar = ScheduleFiles.Read("berlin-weekly-dst.ics");
        using var first = await ImportAsync(client, calendar);
        first.EnsureSuccessStatusCode();
        var ids = Stored().Select(s => s.Id).ToList();
        _changes.Clear();

        using var same = await ImportAsync(client, calendar);
        var pushedAfterSame = _changes.Rooms;
        // 22 Oct excluded, the rest moved to room-2: three updated in place, one removed.
        var changed = calendar
            .Replace("RRULE:", "EXDATE;TZID=Europe/Berlin:20261022T200000\r\nRRULE:", StringComparison.Ordinal)
            .Replace("LOCATION:room-1", "LOCATION:room-2", StringComparison.Ordinal);
        using var synced = await ImportAsync(client, changed);

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal((0, 0, 4, 0, 0), await CountsAsync(same));
        Assert.Empty(pushedAfterSame);
        Assert.Equal(HttpStatusCode.OK, synced.StatusCode);
        Assert.Equal((0, 3, 0, 1, 0), await CountsAsync(synced));
        Assert.Equal([("de", "room-1"), ("de", "room-2")], _changes.Rooms.Order());
        Assert.Equal([ids[0], ids[2], ids[3]], Stored().Select(s => s.Id));
        Assert.All(Stored(), s => Assert.Equal("room-2", s.Room));
        var audit = _app.Services.GetRequiredService<AuditLog>().Read(10, ScheduleAuditActions.ShowImport).Select(e => e.Detail).ToList();
        Assert.Equal(
            [
                "text/calendar added=0 updated=3 unchanged=0 removed=1",
                "text/calendar added=0 updated=0 unchanged=4 removed=0",
                "text/calendar added=4 updated=0 unchanged=0 removed=0",
            ],
            audit);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>added, updated, unchanged, removed and created (kept for the schedules page) as the JSON answer names them.</summary>
    private static async Task<(int, int, int, int, int)> CountsAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        int Get(string name) => body.RootElement.GetProperty(name).GetInt32();
        return (Get("added"), Get("updated"), Get("unchanged"), Get("removed"), Get("created"));
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string calendar) =>
        client.PostAsync(new Uri("/api/sites/de/shows/import", UriKind.Relative), new StringContent(calendar, Encoding.UTF8, "text/calendar"));

    private IReadOnlyList<ShowRecord> Stored() =>
        _app.Services.GetRequiredService<ScheduleStore>().ListShows("de", null, ScheduleFiles.Now, ScheduleFiles.Now.AddDays(90));
}
