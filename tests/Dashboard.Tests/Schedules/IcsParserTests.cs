using LiveRoom.Dashboard.Schedules.Import;

namespace LiveRoom.Dashboard.Tests.Schedules;

public sealed class IcsParserTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(90);

    [Fact]
    public void Parse_WeeklyAcrossBerlinDstEnd_KeepsLocalTimeAndMovesUtc()
    {
        var parsed = IcsParser.Parse(ScheduleFiles.Read("berlin-weekly-dst.ics"), ScheduleFiles.Zone("Asia/Shanghai"), ScheduleFiles.Now, Horizon);

        Assert.Null(parsed.Error?.English);
        // 20:00-22:00 Berlin every Thursday: CEST (+2) before 25 Oct 2026, CET (+1) after.
        Assert.Equal(
            [
                new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 10, 22, 18, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 10, 29, 19, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 5, 19, 0, 0, TimeSpan.Zero),
            ],
            parsed.Shows.Select(s => s.Start));
        Assert.All(parsed.Shows, s => Assert.Equal(TimeSpan.FromHours(2), s.End - s.Start));
        Assert.All(parsed.Shows, s => Assert.Equal(20, TimeZoneInfo.ConvertTime(s.Start, ScheduleFiles.Zone("Europe/Berlin")).Hour));
    }

    [Fact]
    public void Parse_FoldedLines_UnfoldsSummaryAndReadsHostFromDescription()
    {
        var parsed = IcsParser.Parse(ScheduleFiles.Read("berlin-weekly-dst.ics"), TimeZoneInfo.Utc, ScheduleFiles.Now, Horizon);

        var show = parsed.Shows[0];
        Assert.Equal("Thursday evening special , autumn collection", show.Title);
        Assert.Equal("Anna Schmidt", show.Host);
        Assert.Equal("room-1", show.Room);
        Assert.Equal(12, show.Line);
    }

    [Fact]
    public void Parse_DailyInShanghaiWithExdateAndUntil_NoDstShiftAndExcludedDay()
    {
        var parsed = IcsParser.Parse(ScheduleFiles.Read("shanghai-daily-exdate.ics"), TimeZoneInfo.Utc, ScheduleFiles.Now, Horizon);

        Assert.Null(parsed.Error?.English);
        // Every 2nd day from 20 Oct, 24 Oct excluded, until 30 Oct 12:00Z inclusive; Shanghai has no DST: always 12:00Z.
        Assert.Equal([20, 22, 26, 28, 30], parsed.Shows.Select(s => s.Start.Day));
        Assert.All(parsed.Shows, s => Assert.Equal(new TimeSpan(12, 0, 0), s.Start.TimeOfDay));
        Assert.All(parsed.Shows, s => Assert.Equal(TimeSpan.FromHours(2), s.End - s.Start));
        Assert.All(parsed.Shows, s => Assert.Equal(("李娜", "room-2"), (s.Host, s.Room)));
    }

    [Fact]
    public void Parse_WindowsTzidFloatingAndUtc_ConvertsEachAndSkipsCancelled()
    {
        var parsed = IcsParser.Parse(ScheduleFiles.Read("mixed-zones.ics"), ScheduleFiles.Zone("Asia/Shanghai"), ScheduleFiles.Now, Horizon);

        Assert.Null(parsed.Error?.English);
        Assert.Equal(3, parsed.Shows.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), parsed.Shows[0].Start); // 10:00 CET
        Assert.Equal("Studio One", parsed.Shows[0].Room);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 1, 0, 0, TimeSpan.Zero), parsed.Shows[1].Start); // 09:00 floating, site zone +8
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.Zero), parsed.Shows[2].Start);
    }

    [Fact]
    public void Parse_AllDayEvent_RefusedWithReasonAndLine()
    {
        var parsed = IcsParser.Parse(ScheduleFiles.Read("all-day.ics"), TimeZoneInfo.Utc, ScheduleFiles.Now, Horizon);

        Assert.Empty(parsed.Shows);
        Assert.Equal("line 11: event 'Company holiday' is an all-day event (DTSTART;VALUE=DATE): a show needs a start and an end time", parsed.Error?.English);
    }

    [Fact]
    public void Parse_CountRule_StopsAfterCountEvenWithExdate()
    {
        var ics = Calendar(
            "DTSTART:20261101T100000Z",
            "DTEND:20261101T110000Z",
            "RRULE:FREQ=DAILY;COUNT=3",
            "EXDATE:20261102T100000Z");

        var parsed = IcsParser.Parse(ics, TimeZoneInfo.Utc, ScheduleFiles.Now, Horizon);

        Assert.Equal([1, 3], parsed.Shows.Select(s => s.Start.Day));
    }

    [Fact]
    public void Parse_UnboundedRule_StopsAtHorizonAndSkipsPast()
    {
        var ics = Calendar(
            "DTSTART;TZID=Europe/Berlin:20260920T100000",
            "DURATION:PT1H30M",
            "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,WE");

        var parsed = IcsParser.Parse(ics, TimeZoneInfo.Utc, ScheduleFiles.Now, TimeSpan.FromDays(28));

        Assert.Null(parsed.Error?.English);
        Assert.Equal(1, parsed.BeyondHorizon);
        // Every 2nd week from the week of Monday 14 Sep: We and Su from DTSTART (Su 20 Sep) on; 20 and 30 Sep are past,
        // 1 Nov is beyond now + 28 days (29 Oct 00:00Z).
        Assert.Equal(2, parsed.SkippedPast);
        Assert.Equal(
            [new DateTime(2026, 10, 4), new DateTime(2026, 10, 14), new DateTime(2026, 10, 18), new DateTime(2026, 10, 28)],
            parsed.Shows.Select(s => TimeZoneInfo.ConvertTime(s.Start, ScheduleFiles.Zone("Europe/Berlin")).Date));
        Assert.All(parsed.Shows, s => Assert.Equal(TimeSpan.FromMinutes(90), s.End - s.Start));
    }

    [Fact]
    public void Parse_DailyRuleOverSpringGap_UsesOffsetBeforeGap()
    {
        // 02:30 does not exist in Berlin on 28 Mar 2027: RFC 5545 reads it with the offset before the gap (03:30 CEST).
        var ics = Calendar(
            "DTSTART;TZID=Europe/Berlin:20270327T023000",
            "DTEND;TZID=Europe/Berlin:20270327T033000",
            "RRULE:FREQ=DAILY;COUNT=3");

        var parsed = IcsParser.Parse(ics, TimeZoneInfo.Utc, new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), Horizon);

        Assert.Equal(
            [
                new DateTimeOffset(2027, 3, 27, 1, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 3, 29, 0, 30, 0, TimeSpan.Zero),
            ],
            parsed.Shows.Select(s => s.Start));
    }

    [Theory]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=1", "line 7: RRULE FREQ=MONTHLY is not supported (only DAILY and WEEKLY); list the shows one by one or use CSV")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=1MO", "line 7: RRULE BYDAY '1MO' is not supported (only MO,TU,WE,TH,FR,SA,SU without a number)")]
    [InlineData("RRULE:FREQ=DAILY;BYHOUR=9", "line 7: RRULE part BYHOUR is not supported (only FREQ, INTERVAL, COUNT, UNTIL, BYDAY, WKST)")]
    public void Parse_UnsupportedRule_RefusedByName(string rule, string expected)
    {
        var parsed = IcsParser.Parse(Calendar("DTSTART:20261101T100000Z", "DTEND:20261101T110000Z", rule), TimeZoneInfo.Utc, ScheduleFiles.Now, Horizon);

        Assert.Equal(expected, parsed.Error?.English);
    }

    [Fact]
    public void Parse_UnknownTzid_RefusedNamingIt()
    {
        var parsed = IcsParser.Parse(Calendar("DTSTART;TZID=Mars/Olympus:20261101T100000", "DURATION:PT1H"), TimeZoneInfo.Utc, ScheduleFiles.Now, Horizon);

        Assert.Equal("line 5: DTSTART: time zone 'Mars/Olympus' is unknown; give an IANA name such as Asia/Shanghai or Europe/Berlin", parsed.Error?.English);
    }

    [Fact]
    public void Parse_MovedOccurrence_ReplacesTheMastersOccurrence()
    {
        var ics = string.Join("\r\n",
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT", "UID:u1", "SUMMARY:Daily", "LOCATION:room-1", "DTSTART:20261101T100000Z", "DTEND:20261101T110000Z", "RRULE:FREQ=DAILY;COUNT=3", "END:VEVENT",
            "BEGIN:VEVENT", "UID:u1", "RECURRENCE-ID:20261102T100000Z", "SUMMARY:Daily (moved)", "LOCATION:room-1", "DTSTART:20261102T150000Z", "DTEND:20261102T160000Z", "END:VEVENT",
            "END:VCALENDAR");

        var parsed = IcsParser.Parse(ics, TimeZoneInfo.Utc, ScheduleFiles.Now, Horizon);

        Assert.Equal(
            [("Daily", 1, 10), ("Daily", 3, 10), ("Daily (moved)", 2, 15)],
            parsed.Shows.Select(s => (s.Title, s.Start.Day, s.Start.Hour)));
    }

    [Fact]
    public void Parse_UidSeriesAndOverride_KeyedByUidAndOriginalStart()
    {
        var ics = string.Join("\r\n",
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT", "UID:u1", "SUMMARY:Daily", "LOCATION:room-1", "DTSTART;TZID=Asia/Shanghai:20261101T180000", "DTEND;TZID=Asia/Shanghai:20261101T190000", "RRULE:FREQ=DAILY;COUNT=2", "END:VEVENT",
            "BEGIN:VEVENT", "UID:u1", "RECURRENCE-ID;TZID=Asia/Shanghai:20261102T180000", "SUMMARY:Daily (moved)", "LOCATION:room-1", "DTSTART:20261102T150000Z", "DTEND:20261102T160000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:single", "SUMMARY:Once", "LOCATION:room-1", "DTSTART:20261105T100000Z", "DTEND:20261105T110000Z", "END:VEVENT",
            "BEGIN:VEVENT", "SUMMARY:No uid", "LOCATION:room-1", "DTSTART:20261106T100000Z", "DTEND:20261106T110000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:gone", "STATUS:CANCELLED", "SUMMARY:Cancelled", "LOCATION:room-1", "DTSTART:20261107T100000Z", "DTEND:20261107T110000Z", "END:VEVENT",
            "END:VCALENDAR");

        var parsed = IcsParser.Parse(ics, TimeZoneInfo.Utc, ScheduleFiles.Now, Horizon);

        Assert.Null(parsed.Error?.English);
        Assert.Equal(
            [("Daily", "ics:u1|20261101T100000Z"), ("Daily (moved)", "ics:u1|20261102T100000Z"), ("Once", "ics:single"), ("No uid", null)],
            parsed.Shows.Select(s => (s.Title, s.SourceKey)));
        Assert.Equal(["gone", "single", "u1"], parsed.Uids.Order(StringComparer.Ordinal));
        Assert.Equal("u1", SourceKeys.IcsUid("ics:u1|20261102T100000Z"));
        Assert.Equal("a|b", SourceKeys.IcsUid("ics:a|b"));
        Assert.Null(SourceKeys.IcsUid("csv:u1"));
    }

    [Fact]
    public void Parse_TwoEventsWithOneUid_RefusedNamingBothLines()
    {
        var ics = string.Join("\r\n",
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT", "UID:dup", "SUMMARY:First", "LOCATION:room-1", "DTSTART:20261101T100000Z", "DTEND:20261101T110000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:dup", "SUMMARY:Second", "LOCATION:room-1", "DTSTART:20261102T100000Z", "DTEND:20261102T110000Z", "END:VEVENT",
            "END:VCALENDAR");

        var parsed = IcsParser.Parse(ics, TimeZoneInfo.Utc, ScheduleFiles.Now, Horizon);

        Assert.Empty(parsed.Shows);
        Assert.Equal(
            "line 9: event 'Second' has the UID 'dup' of the event on line 2 for the same occurrence; give each event its own UID (a changed occurrence of a series keeps the UID and adds a RECURRENCE-ID)",
            parsed.Error?.English);
    }

    [Fact]
    public void Parse_EndBeforeStart_RefusedNamingBoth()
    {
        var parsed = IcsParser.Parse(Calendar("DTSTART:20261101T100000Z", "DTEND:20261101T090000Z"), TimeZoneInfo.Utc, ScheduleFiles.Now, Horizon);

        Assert.Equal("line 6: event 'Test show' ends (20261101T090000Z) before or when it starts (20261101T100000Z)", parsed.Error?.English);
    }

    private static string Calendar(params string[] properties) =>
        string.Join("\r\n", ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:Test show", "LOCATION:room-1", .. properties, "END:VEVENT", "END:VCALENDAR"]);
}
