using System.Globalization;

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
    public sealed record Outcome(ShowSyncResult? Sync, ImportResponse? Response, string? Error, int Status);

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
                var known = rooms.Count == 0 ? "the site has no rooms yet" : "rooms of the site: " + string.Join(", ", rooms.Select(r => r.Id));
                return new Outcome(null, null, Line(imported.Line, $"unknown room '{imported.Room}' for '{imported.Title}'; {known}"), StatusCodes.Status400BadRequest);
            }

            if (ScheduleRules.CheckShow(imported.Start, imported.End, imported.Title, imported.Host, imported.Profile, now, zone, site.TimeZone) is { } problem)
            {
                return new Outcome(null, null, Line(imported.Line, $"'{imported.Title}': {problem}"), StatusCodes.Status400BadRequest);
            }

            var show = new ShowRecord(ShowIds.New(), site.Id, room.Id, imported.Start, imported.End, imported.Title, imported.Host, imported.Profile, imported.SourceKey);
            lines[show.Id] = imported.Line;
            shows.Add(show);
        }

        // Only a calendar's own UIDs are synced away: shows of other calendars, of CSV files and made by hand stay.
        var sync = store.TrySync(site.Id, shows, key => SourceKeys.IcsUid(key) is { } uid && parsed.Uids.Contains(uid), now, now + horizon);
        if (sync.Conflict is { } conflict)
        {
            var message = ScheduleRules.Describe(conflict, zone, site.TimeZone, s => lines.TryGetValue(s.Id, out var l) ? Line(l, string.Empty) : string.Empty);
            return new Outcome(null, null, message + "; nothing was imported", StatusCodes.Status409Conflict);
        }

        var response = new ImportResponse(sync.Added.Count, parsed.SkippedPast, parsed.BeyondHorizon, horizon.TotalDays)
        {
            Updated = sync.Updated.Count,
            Unchanged = sync.Unchanged,
            Removed = sync.Removed.Count,
        };
        return new Outcome(sync, response, null, StatusCodes.Status200OK);
    }

    private static string Line(int line, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"line {line}: {text}");
}
