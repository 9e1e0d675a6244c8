using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Schedules.Import;
using LiveRoom.Dashboard.Store;
using LiveRoom.Testing;
using Microsoft.AspNetCore.Http;

namespace LiveRoom.Dashboard.Tests.Schedules;

/// <summary>
/// Re-import as a sync (importer and store on a real SQLite file in a temp dir, fake clock from 1 Oct 2026): shows keyed
/// by the calendar's identity of each occurrence are updated in place, stale future ones removed, past ones kept.
/// </summary>
public sealed class ScheduleSyncTests : IDisposable
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(90);
    private static readonly SiteRecord Site = new("s", "Site", "UTC", []);

    private readonly TempDirectory _dir = new("schedule-sync");
    private readonly FakeTimeProvider _time = new(ScheduleFiles.Now);
    private readonly ScheduleStore _store;

    public ScheduleSyncTests()
    {
        _store = new ScheduleStore(new SqliteStore(Path.Combine(_dir.Path, "dashboard.db")));
        Assert.True(_store.TryCreateSite(Site));
        Assert.True(_store.TryCreateRoom(new RoomRecord("s", "room-1", "Room 1")));
        Assert.True(_store.TryCreateRoom(new RoomRecord("s", "room-2", "Room 2")));
    }

    [Fact]
    public void Import_SameIcsTwice_NothingAddedAllUnchangedIdsKept()
    {
        var first = Import(ScheduleFiles.Read("berlin-weekly-dst.ics"));
        var before = Stored();

        var again = Import(ScheduleFiles.Read("berlin-weekly-dst.ics"));

        Assert.Equal((4, 0, 0, 0), Counts(first));
        Assert.Equal((0, 0, 4, 0), Counts(again));
        Assert.Equal(before, Stored());
        Assert.All(before, s => Assert.StartsWith("ics:weekly-berlin@liveroom.test|2026", s.SourceKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Import_SingleEventMovedAnHour_UpdatedInPlaceWithSameId()
    {
        Import(Calendar(Event("evt-1", "Launch", "room-1", "DTSTART:20261102T100000Z", "DTEND:20261102T110000Z")));
        var before = Assert.Single(Stored());

        var moved = Import(Calendar(Event("evt-1", "Launch", "room-1", "DTSTART:20261102T110000Z", "DTEND:20261102T120000Z")));

        Assert.Equal((0, 1, 0, 0), Counts(moved));
        var after = Assert.Single(Stored());
        Assert.Equal(before.Id, after.Id);
        Assert.Equal((11, "ics:evt-1"), (after.Start.Hour, after.SourceKey));
    }

    [Fact]
    public void Import_ExdateAddedAfterSomeOccurrencesAired_FutureOneRemovedPastOnesKept()
    {
        // Mondays 5, 12, 19 and 26 Oct 2026 at 10:00Z.
        string[] weekly = ["DTSTART:20261005T100000Z", "DTEND:20261005T110000Z", "RRULE:FREQ=WEEKLY;COUNT=4"];
        Import(Calendar(Event("series", "Weekly", "room-1", weekly)));
        var before = Stored();
        _time.SetUtcNow(new DateTimeOffset(2026, 10, 13, 0, 0, 0, TimeSpan.Zero));

        // Excludes the aired 5 Oct (history stays) and the coming 19 Oct (removed).
        var synced = Import(Calendar(Event("series", "Weekly", "room-1", [.. weekly, "EXDATE:20261005T100000Z,20261019T100000Z"])));

        Assert.Equal((0, 0, 1, 1), Counts(synced));
        Assert.Equal(0, synced.Response!.Created);
        Assert.Equal([5, 12, 26], Stored().Select(s => s.Start.Day));
        Assert.Equal(before.Where(s => s.Start.Day != 19).Select(s => s.Id), Stored().Select(s => s.Id));
        Assert.Equal(19, Assert.Single(synced.Sync!.Removed).Start.Day);
    }

    [Fact]
    public void Import_CountShortened_LaterOccurrencesRemovedOtherCalendarLeftAlone()
    {
        Import(Calendar(Event("other-calendar", "Other", "room-2", "DTSTART:20261103T100000Z", "DTEND:20261103T110000Z")));
        Import(Calendar(Event("daily", "Daily", "room-1", "DTSTART:20261101T100000Z", "DTEND:20261101T110000Z", "RRULE:FREQ=DAILY;COUNT=4")));

        var synced = Import(Calendar(Event("daily", "Daily", "room-1", "DTSTART:20261101T100000Z", "DTEND:20261101T110000Z", "RRULE:FREQ=DAILY;COUNT=2")));

        Assert.Equal((0, 0, 2, 2), Counts(synced));
        Assert.Equal([("Daily", 1), ("Daily", 2), ("Other", 3)], Stored().Select(s => (s.Title, s.Start.Day)));
    }

    [Fact]
    public void Import_RecurrenceIdOverrideAddedThenMoved_ThatInstanceUpdatedInPlace()
    {
        var master = Event("daily", "Daily", "room-1", "DTSTART:20261101T100000Z", "DTEND:20261101T110000Z", "RRULE:FREQ=DAILY;COUNT=3");
        Import(Calendar(master));
        var instance = Stored().Single(s => s.Start.Day == 2);

        var overridden = Import(Calendar(master, Event("daily", "Daily (late)", "room-1", "RECURRENCE-ID:20261102T100000Z", "DTSTART:20261102T150000Z", "DTEND:20261102T160000Z")));
        var movedAgain = Import(Calendar(master, Event("daily", "Daily (later)", "room-1", "RECURRENCE-ID:20261102T100000Z", "DTSTART:20261102T170000Z", "DTEND:20261102T180000Z")));

        Assert.Equal((0, 1, 2, 0), Counts(overridden));
        Assert.Equal((0, 1, 2, 0), Counts(movedAgain));
        var after = Assert.Single(Stored(), s => s.Start.Day == 2);
        Assert.Equal((instance.Id, "Daily (later)", 17, instance.SourceKey), (after.Id, after.Title, after.Start.Hour, after.SourceKey));
        Assert.Equal(3, Stored().Count);
    }

    [Fact]
    public void Import_NewEventOverlapsShowOfAnotherUid_RefusedAsTodayAndNothingWritten()
    {
        Import(Calendar(Event("other", "Other calendar", "room-1", "DTSTART:20261102T100000Z", "DTEND:20261102T110000Z")));
        Import(Calendar(Event("mine", "Mine", "room-1", "DTSTART:20261103T100000Z", "DTEND:20261103T110000Z")));
        var before = Stored();

        var refused = Import(Calendar(
            Event("mine", "Mine", "room-1", "DTSTART:20261103T120000Z", "DTEND:20261103T130000Z"),
            Event("new", "New show", "room-1", "DTSTART:20261102T103000Z", "DTEND:20261102T113000Z")));

        Assert.Equal(StatusCodes.Status409Conflict, refused.Status);
        Assert.Equal(
            "line 10: 'New show' (2026-11-02 10:30–11:30 UTC) overlaps the scheduled show 'Other calendar' (2026-11-02 10:00–11:00 UTC) in room room-1; nothing was imported",
            refused.Error?.English);
        Assert.Equal(before, Stored());
    }

    [Fact]
    public void Import_UpdatedShowsSwapSlots_NoConflictWithTheirOwnOldTimes()
    {
        Import(Calendar(
            Event("a", "A", "room-1", "DTSTART:20261102T100000Z", "DTEND:20261102T110000Z"),
            Event("b", "B", "room-1", "DTSTART:20261102T110000Z", "DTEND:20261102T120000Z")));

        var swapped = Import(Calendar(
            Event("a", "A", "room-1", "DTSTART:20261102T110000Z", "DTEND:20261102T120000Z"),
            Event("b", "B", "room-1", "DTSTART:20261102T100000Z", "DTEND:20261102T110000Z")));

        Assert.Equal((0, 2, 0, 0), Counts(swapped));
        Assert.Equal(["B", "A"], Stored().Select(s => s.Title));
    }

    [Fact]
    public void Import_CsvWithoutUidTwice_RefusedAsBefore()
    {
        Assert.Null(Import(ScheduleFiles.Read("valid.csv"), ScheduleImporter.Csv).Error);

        var again = Import(ScheduleFiles.Read("valid.csv"), ScheduleImporter.Csv);

        Assert.Equal(StatusCodes.Status409Conflict, again.Status);
        Assert.StartsWith("line 2: 'Evening show, part 1' (2026-11-02 12:00–14:00 UTC) overlaps the scheduled show 'Evening show, part 1'", again.Error?.English, StringComparison.Ordinal);
        Assert.All(Stored(), s => Assert.Null(s.SourceKey));
    }

    [Fact]
    public void Import_CsvWithUid_ReimportsCleanlyAndUpdatesByUid()
    {
        const string Csv = "uid,room,start,end,title,host\nb-1,room-1,2026-11-02T10:00Z,2026-11-02T11:00Z,First,Li\nb-2,room-2,2026-11-02T10:00Z,2026-11-02T11:00Z,Second,Wu\n";
        Import(Csv, ScheduleImporter.Csv);
        var before = Stored();

        var same = Import(Csv, ScheduleImporter.Csv);
        var retitled = Import(Csv.Replace("Second", "Second retitled", StringComparison.Ordinal), ScheduleImporter.Csv);

        Assert.Equal((0, 0, 2, 0), Counts(same));
        Assert.Equal((0, 1, 1, 0), Counts(retitled));
        Assert.Equal(before.Select(s => s.Id), Stored().Select(s => s.Id));
        Assert.Equal(["csv:b-1", "csv:b-2"], Stored().Select(s => s.SourceKey));
        Assert.Equal("Second retitled", Stored()[1].Title);
    }

    [Fact]
    public void Open_OldFileWithoutSourceKeyColumn_AddsItKeepsShowsAndImports()
    {
        var path = Path.Combine(_dir.Path, "old.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE sites (id TEXT PRIMARY KEY, name TEXT NOT NULL, time_zone TEXT NOT NULL);
                CREATE TABLE rooms (site TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE, id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (site, id));
                CREATE TABLE shows (id TEXT PRIMARY KEY, site TEXT NOT NULL, room TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
                    title TEXT NOT NULL, host TEXT NOT NULL DEFAULT '', profile TEXT, FOREIGN KEY (site, room) REFERENCES rooms(site, id) ON DELETE CASCADE);
                INSERT INTO sites VALUES ('s', 'Site', 'UTC');
                INSERT INTO rooms VALUES ('s', 'room-1', 'Room 1');
                INSERT INTO shows (id, site, room, start_ms, end_ms, title) VALUES ('show-old', 's', 'room-1', 1793613600000, 1793617200000, 'Old show');
                """;
            command.ExecuteNonQuery();
        }

        var store = new ScheduleStore(new SqliteStore(path));
        var importer = new ScheduleImporter(store);
        var ics = Calendar(Event("evt-1", "Launch", "room-1", "DTSTART:20261103T100000Z", "DTEND:20261103T110000Z"));

        var first = importer.Import(Site, TimeZoneInfo.Utc, ScheduleImporter.Calendar, ics, _time.GetUtcNow(), Horizon);
        var again = importer.Import(Site, TimeZoneInfo.Utc, ScheduleImporter.Calendar, ics, _time.GetUtcNow(), Horizon);

        var old = store.FindShow("s", "show-old")!;
        Assert.Equal(("Old show", null), (old.Title, old.SourceKey));
        Assert.Equal((1, 0, 0, 0), Counts(first));
        Assert.Equal((0, 0, 1, 0), Counts(again));
    }

    public void Dispose() => _dir.Dispose();

    internal static (int Added, int Updated, int Unchanged, int Removed) Counts(ScheduleImporter.Outcome outcome)
    {
        Assert.Null(outcome.Error);
        var r = outcome.Response!;
        return (r.Added, r.Updated, r.Unchanged, r.Removed);
    }

    internal static string Calendar(params string[] events) =>
        string.Join("\r\n", ["BEGIN:VCALENDAR", "VERSION:2.0", .. events, "END:VCALENDAR"]);

    /// <summary>A VEVENT of 4 + properties lines: BEGIN, UID, SUMMARY, LOCATION, the properties, END.</summary>
    internal static string Event(string uid, string title, string room, params string[] properties) =>
        string.Join("\r\n", ["BEGIN:VEVENT", "UID:" + uid, "SUMMARY:" + title, "LOCATION:" + room, .. properties, "END:VEVENT"]);

    private ScheduleImporter.Outcome Import(string text, string mediaType = ScheduleImporter.Calendar) =>
        new ScheduleImporter(_store).Import(Site, TimeZoneInfo.Utc, mediaType, text, _time.GetUtcNow(), Horizon);

    private List<ShowRecord> Stored() =>
        [.. _store.ListShows("s", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100))];
}
