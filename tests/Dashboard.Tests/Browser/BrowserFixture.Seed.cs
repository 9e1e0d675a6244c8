using System.Globalization;
using System.Net.Http.Json;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Tests.Evidence;

namespace LiveRoom.Dashboard.Tests.Browser;

/// <summary>
/// The wall tile's and room page's extras, seeded as production writes them: the schedule through the API (site, room,
/// a show in progress whose title holds markup), checklist points and network points in InfluxDB line protocol as the
/// edge's outbox writes them, and an evidence thumbnail in the dashboard's evidence directory as its evidence link stores it.
/// </summary>
public sealed partial class BrowserFixture
{
    public const string ShowTitle = "Autumn sale <b>live</b>";
    public const string ChecklistRun = "run-browser-1";
    public const double UplinkTestMbps = 6.1;

    /// <summary>The room-1 show's id as the schedule API created it.</summary>
    public string ShowId { get; private set; } = string.Empty;

    /// <summary>When the room-1 show starts (it lasts 3 hours).</summary>
    public DateTimeOffset ShowStart { get; private set; }

    private async Task SeedScheduleAsync()
    {
        using var admin = await ApiClientAsync("admin", Passwords["admin"]);
        await PostAsync(admin, "api/sites/", new SiteRequest("demo", "Demo studio", "Asia/Shanghai"));
        await PostAsync(admin, "api/sites/demo/rooms", new RoomRequest("room-1", "Room 1"));

        // A show may not start in the past: it starts a second from now and is in progress when the tests look.
        var start = DateTimeOffset.UtcNow.AddSeconds(1);
        using var created = await PostAsync(admin, "api/sites/demo/shows", new ShowRequest("room-1", start, start.AddHours(3), ShowTitle, "Lin", null));
        ShowId = (await created.Content.ReadFromJsonAsync<ShowResponse>())!.Id;
        ShowStart = start;
    }

    /// <summary>Measurement <c>checklist</c>, tags site, room, item; fields per <see cref="ChecklistFields"/>: one run of room-1.</summary>
    private static IEnumerable<string> ChecklistLines(DateTimeOffset started)
    {
        string Line(string item, DateTimeOffset at, string status, string value = "", double? number = null, string threshold = "", string clause = "", string by = "", bool? ready = null)
        {
            var fields = new List<string>
            {
                $"{ChecklistFields.Run}={Quote(ChecklistRun)}",
                $"{ChecklistFields.Show}={Quote(string.Empty)}",
                $"{ChecklistFields.Status}={Quote(status)}",
                $"{ChecklistFields.Value}={Quote(value)}",
                $"{ChecklistFields.Threshold}={Quote(threshold)}",
                $"{ChecklistFields.Clause}={Quote(clause)}",
                $"{ChecklistFields.By}={Quote(by)}",
            };
            if (number is { } n)
            {
                fields.Add(string.Create(CultureInfo.InvariantCulture, $"{ChecklistFields.Number}={n}"));
            }

            if (ready is { } r)
            {
                fields.Add($"{ChecklistFields.ReadyAtT10}={(r ? "true" : "false")}");
            }

            return string.Create(CultureInfo.InvariantCulture, $"checklist,site=demo,room=room-1,{ChecklistFields.ItemTag}={item} {string.Join(',', fields)} {at.ToUnixTimeMilliseconds()}");
        }

        yield return Line(ChecklistFields.RunItem, started, "running", by: "technician");
        yield return Line("uplink", started.AddSeconds(5), "pass", "5.2 Mbit/s", 5.2, "≥ 4 Mbit/s", "6.2.1.1");
        yield return Line("resolution", started.AddSeconds(6), "pass", "1920x1080", null, "≥ 1920x1080", "6.2.2.1");
        yield return Line("mic", started.AddSeconds(7), "open", threshold: "manual", clause: "6.2.4");
        yield return Line("mic", started.AddSeconds(40), "confirmed", by: "technician", clause: "6.2.4");
        yield return Line("lights", started.AddSeconds(8), "open", threshold: "manual", clause: "6.2.3");
        yield return Line(ChecklistFields.RunItem, started.AddSeconds(41), "not-ready", ready: false);
    }

    /// <summary>Measurement <c>network</c> as the probe writes it: the NIC rate every second, a test result now and then.</summary>
    private static string NetworkPoint(string site, string room, double txBps, double? uplinkMbps, DateTimeOffset at) => string.Create(
        CultureInfo.InvariantCulture,
        $"network,room={room},site={site} tx_bps={txBps}{(uplinkMbps is { } u ? $",uplink_mbps={u}" : string.Empty)} {at.ToUnixTimeMilliseconds()}");

    /// <summary>An evidence thumbnail of a room (room-1 unless said) where the dashboard's store keeps them (next to its database).</summary>
    public async Task AddThumbnailAsync(DateTimeOffset at, string room = "room-1")
    {
        var day = Path.Combine(_dir.Path, "thumbnails", "demo", room, at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(day);
        var path = Path.Combine(day, string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeMilliseconds()}-interval.jpg"));
        // Temp then rename, as the store writes: the dashboard never reads half a file.
        await File.WriteAllBytesAsync(path + ".tmp", await EvidenceTestData.JpegAsync());
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>room-1's picture, and one of <see cref="DownRoom"/> taken before its stream stopped.</summary>
    private async Task SeedThumbnailAsync()
    {
        await AddThumbnailAsync(DateTimeOffset.UtcNow.AddSeconds(-30));
        await AddThumbnailAsync(DateTimeOffset.UtcNow.AddMinutes(-3), DownRoom);
    }

    private static async Task<HttpResponseMessage> PostAsync<T>(HttpClient client, string path, T body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, path + ": " + await response.Content.ReadAsStringAsync());
        return response;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
