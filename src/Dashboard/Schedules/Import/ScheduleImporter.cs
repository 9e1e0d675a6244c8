using LiveRoom.Contracts.Text;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>
/// <c>POST /api/sites/{site}/shows/import</c>: parses an iCalendar or CSV file, resolves each show's room (by id, or by
/// the room's name), and stores everything in one transaction — or nothing, with the reason naming the line. Re-import
/// is a sync (<see cref="ScheduleStore.TrySync"/>): occurrences already stored under the same source key are updated in
/// place or left alone, and future occurrences of the file's calendar UIDs that the file no longer produces are removed.
/// </summary>
internal sealed class ScheduleImporter(ScheduleStore store)
{
    public const string Calendar = "text/calendar";
    public const string Csv = "text/csv";

    /// <summary>The outcome: what the sync did, or the refusal with its HTTP status (400 malformed, 409 overlap).</summary>
    public sealed record Outcome(ShowSyncResult? Sync, ImportResponse? Response, LocalText? Error, int Status);

    public Outcome Import(SiteRecord site, TimeZoneInfo zone, string mediaType, string text, DateTimeOffset now, TimeSpan horizon)
    {
        var parsed = mediaType switch
        {
            Calendar => IcsParser.Parse(text, zone, now, horizon),
            Csv => CsvScheduleParser.Parse(text, zone, site.TimeZone, now),
            _ => throw new ArgumentOutOfRangeException(nameof(mediaType), mediaType, "not a schedule media type"),
        };
        if (parsed.Error is not null)
        {
            return new Outcome(null, null, parsed.Error, StatusCodes.Status400BadRequest);
        }

        var rooms = store.ListRooms(site.Id);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var shows = new List<ShowRecord>();
        foreach (var imported in parsed.Shows)
        {
            var room = rooms.FirstOrDefault(r => string.Equals(r.Id, imported.Room, StringComparison.Ordinal))
                ?? rooms.FirstOrDefault(r => string.Equals(r.Name.Trim(), imported.Room, StringComparison.OrdinalIgnoreCase));
            if (room is null)
            {
                var ids = string.Join(", ", rooms.Select(r => r.Id));
                var unknown = rooms.Count == 0
                    ? new LocalText($"unknown room '{imported.Room}' for '{imported.Title}'; the site has no rooms yet", $"“{imported.Title}”的直播间“{imported.Room}”不存在；站点还没有直播间")
                    : new LocalText($"unknown room '{imported.Room}' for '{imported.Title}'; rooms of the site: {ids}", $"“{imported.Title}”的直播间“{imported.Room}”不存在；站点的直播间：{ids}");
                return new Outcome(null, null, ImportRefusal.At(imported.Line, unknown), StatusCodes.Status400BadRequest);
            }

            if (ScheduleRules.CheckShow(imported.Start, imported.End, imported.Title, imported.Host, imported.Profile, now, zone, site.TimeZone) is { } problem)
            {
                var about = new LocalText($"'{imported.Title}': {problem.English}", $"“{imported.Title}”：{problem.Chinese}");
                return new Outcome(null, null, ImportRefusal.At(imported.Line, about), StatusCodes.Status400BadRequest);
            }

            var show = new ShowRecord(ShowIds.New(), site.Id, room.Id, imported.Start, imported.End, imported.Title, imported.Host, imported.Profile, imported.SourceKey);
            lines[show.Id] = imported.Line;
            shows.Add(show);
        }

        // Only a calendar's own UIDs are synced away: shows of other calendars, of CSV files and made by hand stay.
        var sync = store.TrySync(site.Id, shows, key => SourceKeys.IcsUid(key) is { } uid && parsed.Uids.Contains(uid), now, now + horizon);
        if (sync.Conflict is { } conflict)
        {
            var message = ScheduleRules.Describe(conflict, zone, site.TimeZone, s => lines.TryGetValue(s.Id, out var l) ? ImportRefusal.At(l, new(string.Empty, string.Empty)) : new(string.Empty, string.Empty));
            return new Outcome(null, null, message.Append(new("; nothing was imported", "；没有导入任何场次")), StatusCodes.Status409Conflict);
        }

        var response = new ImportResponse(sync.Added.Count, parsed.SkippedPast, parsed.BeyondHorizon, horizon.TotalDays)
        {
            Updated = sync.Updated.Count,
            Unchanged = sync.Unchanged,
            Removed = sync.Removed.Count,
        };
        return new Outcome(sync, response, null, StatusCodes.Status200OK);
    }
}
