using System.Text.Json;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Store;

namespace LiveRoom.Ingest.Tests.Alerts.Rota;

/// <summary>
/// Seed clause 5.5: a shift is written on the site's clock ("09:00–18:00 Asia/Shanghai") and the alert finds whoever works
/// it, across midnight, across the UTC day boundary and across daylight saving; an entry without a zone reads UTC as before;
/// an entry that could never route an alert as meant is refused with what is wrong, in both languages.
/// </summary>
public sealed class RotaEntryTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Theory]
    [InlineData("2026-11-23T00:59:00Z", false)] // Monday 08:59 in Shanghai
    [InlineData("2026-11-23T01:00:00Z", true)] // Monday 09:00
    [InlineData("2026-11-23T09:59:00Z", true)] // Monday 17:59
    [InlineData("2026-11-23T10:00:00Z", false)] // Monday 18:00: the shift has ended
    [InlineData("2026-11-27T23:30:00Z", false)] // Saturday 07:30 in Shanghai, still Friday in UTC
    [InlineData("2026-11-22T23:30:00Z", false)] // Monday 07:30 in Shanghai, Sunday in UTC: before the shift
    [InlineData("2026-11-23T02:00:00Z", true)] // Monday 10:00
    public void DayShift_OnTheSitesClock(string utc, bool onDuty)
    {
        var day = new RotaEntry { Site = "sh", Level = 0, Name = "wang", Days = Weekdays, From = new TimeOnly(9, 0), To = new TimeOnly(18, 0), TimeZone = "Asia/Shanghai" };

        Assert.Equal(onDuty, day.OnDuty(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-11-23T13:59:00Z", false)] // 21:59 in Shanghai
    [InlineData("2026-11-23T14:00:00Z", true)] // 22:00
    [InlineData("2026-11-23T16:00:00Z", true)] // midnight
    [InlineData("2026-11-23T21:59:00Z", true)] // 05:59 the next morning
    [InlineData("2026-11-23T22:00:00Z", false)] // 06:00
    public void NightShift_AcrossMidnight_OnTheSitesClock(string utc, bool onDuty)
    {
        var night = new RotaEntry { Site = "sh", Level = 0, Name = "li", From = new TimeOnly(22, 0), To = new TimeOnly(6, 0), TimeZone = "Asia/Shanghai" };

        Assert.Equal(onDuty, night.OnDuty(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ShiftInAZoneWithDaylightSaving_StartsAtNineLocalInSummerAndWinter()
    {
        var berlin = new RotaEntry { Site = "eu", Level = 1, Name = "anna", From = new TimeOnly(9, 0), To = new TimeOnly(17, 0), TimeZone = "Europe/Berlin" };

        // Summer (UTC+2): 09:00 is 07:00 UTC; winter (UTC+1): 08:00 UTC.
        Assert.True(berlin.OnDuty(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero)));
        Assert.False(berlin.OnDuty(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero)));
        Assert.True(berlin.OnDuty(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void EntryWithoutAZone_ReadsUtc_AsEntriesMadeBeforeZonesExisted()
    {
        // As stored by an older collector: no timeZone in the JSON.
        var old = JsonSerializer.Deserialize<RotaEntry>("""{"site":"s1","level":0,"name":"tech-day","from":"06:00:00","to":"18:00:00","days":["monday"]}""", AlertStore.Json)!;

        Assert.Null(old.TimeZone);
        Assert.True(old.OnDuty(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero)));
        Assert.False(old.OnDuty(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero)));
        Assert.False(old.OnDuty(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TimeZone_KeptThroughTheStoresJson()
    {
        var entry = new RotaEntry { Site = "sh", Level = 0, Name = "wang", From = new TimeOnly(9, 0), To = new TimeOnly(18, 0), TimeZone = "Asia/Shanghai" };

        var json = JsonSerializer.Serialize(entry, AlertStore.Json);

        Assert.Contains("\"timeZone\":\"Asia/Shanghai\"", json, StringComparison.Ordinal);
        Assert.Equal(entry, JsonSerializer.Deserialize<RotaEntry>(json, AlertStore.Json));
    }

    [Fact]
    public void Rules_RefuseWhatCouldNotRouteAnAlertAsMeant_SayingWhatInBothLanguages()
    {
        RotaEntry[] entries =
        [
            new() { Site = "sh", Level = 0, Name = "wang", From = new TimeOnly(9, 0), To = new TimeOnly(18, 0), TimeZone = "Asia/Shanghai" },
            new() { Site = "sh", Level = 0, Name = "zhao", From = new TimeOnly(9, 0) },
            new() { Site = "sh", Level = 0, Name = "sun", From = new TimeOnly(9, 0), To = new TimeOnly(9, 0) },
            new() { Site = "sh", Level = 1, Name = "qian", TimeZone = "Asia/Beijing" },
            new() { Site = "", Level = 12, Name = "zhou" },
            new() { Site = "sh", Level = 1, Name = "wu", FirstDate = new DateOnly(2026, 10, 7), LastDate = new DateOnly(2026, 10, 1) },
            new() { Site = "sh", Level = 1, Name = "zheng", Cover = true, FirstDate = new DateOnly(2026, 10, 1) },
        ];

        var refusals = RotaRules.Check(entries).ToList();

        Assert.Equal(
            [
                "rota entry 'zhao' of site 'sh': a shift needs both its start and its end (or neither, for always)",
                "rota entry 'sun' of site 'sh': the shift starts and ends at 09:00",
                "rota entry 'qian' of site 'sh': time zone 'Asia/Beijing' is not known (an IANA id such as Asia/Shanghai)",
                "rota entry 'zhou' of site '': site and name must be set and level 0–9",
                "rota entry 'wu' of site 'sh': the last date 2026-10-01 is before the first 2026-10-07",
                "rota entry 'zheng' of site 'sh': a cover needs its first and last date (it stands in for the weekly rota only on those)",
            ],
            refusals.Select(r => r.English));
        Assert.Equal("值班表中站点“sh”的“qian”：时区“Asia/Beijing”无法识别（应为 IANA 时区，如 Asia/Shanghai）", refusals[2].Chinese);
        Assert.Equal("值班表中站点“sh”的“zheng”：代班须填写开始和结束日期（只在这些日期内代替每周值班）", refusals[5].Chinese);
        Assert.Empty(RotaRules.Check([entries[0]]));
    }

    [Theory]
    [InlineData("2026-11-27T13:59:00Z", false)] // Friday 21:59 in Shanghai
    [InlineData("2026-11-27T14:00:00Z", true)] // Friday 22:00
    [InlineData("2026-11-27T18:00:00Z", true)] // Saturday 02:00: still Friday's night shift
    [InlineData("2026-11-27T22:00:00Z", false)] // Saturday 06:00
    [InlineData("2026-11-26T18:00:00Z", false)] // Friday 02:00: Thursday's night, not ticked
    [InlineData("2026-11-28T14:00:00Z", false)] // Saturday 22:00
    public void NightShiftOnATickedDay_RunsIntoTheNextMorning(string utc, bool onDuty)
    {
        var friday = new RotaEntry { Site = "sh", Level = 0, Name = "li", Days = [DayOfWeek.Friday], From = new TimeOnly(22, 0), To = new TimeOnly(6, 0), TimeZone = "Asia/Shanghai" };

        Assert.Equal(onDuty, friday.OnDuty(At(utc)));
    }

    [Theory]
    [InlineData("2026-11-30T15:59:00Z", false, false)] // 30 November 23:59 in Shanghai
    [InlineData("2026-11-30T16:00:00Z", false, true)] // 1 December 00:00: the first date, but the night shift began on the 30th
    [InlineData("2026-12-05T14:00:00Z", true, true)] // 5 December 22:00: the last date
    [InlineData("2026-12-05T21:59:00Z", true, false)] // 6 December 05:59: the last date's night shift runs to its end
    [InlineData("2026-12-06T14:00:00Z", false, false)] // 6 December 22:00: after the last date
    public void Dates_LimitTheEntry_OnItsClock(string utc, bool nightShift, bool allDay)
    {
        var night = new RotaEntry
        {
            Site = "sh", Level = 0, Name = "trainee", From = new TimeOnly(22, 0), To = new TimeOnly(6, 0), TimeZone = "Asia/Shanghai",
            FirstDate = new DateOnly(2026, 12, 1), LastDate = new DateOnly(2026, 12, 5),
        };

        Assert.Equal(nightShift, night.OnDuty(At(utc)));
        Assert.Equal(allDay, (night with { From = null, To = null }).OnDuty(At(utc)));
    }

    [Fact]
    public void Cover_OnItsDates_TakesThePlaceOfTheWeeklyRota_AtItsSiteAndLevelOnly()
    {
        var rota = new OnCallRota();
        rota.Set(
        [
            new RotaEntry { Site = "sh", Level = 0, Name = "tech" },
            new RotaEntry { Site = "sh", Level = 1, Name = "wang", TimeZone = "Asia/Shanghai" },
            new RotaEntry { Site = "*", Level = 1, Name = "hq" },
            new RotaEntry { Site = "sh", Level = 1, Name = "li", Cover = true, TimeZone = "Asia/Shanghai", FirstDate = new DateOnly(2026, 10, 1), LastDate = new DateOnly(2026, 10, 7) },
            new RotaEntry { Site = "sh", Level = 2, Name = "boss" },
        ]);

        string[] Paged(string site, int level, string utc) => rota.OnDuty(site, level, At(utc)).Select(e => e.Name).ToArray();

        Assert.Equal(["wang", "hq"], Paged("sh", 1, "2026-09-30T15:59:00Z")); // 30 September 23:59 in Shanghai
        Assert.Equal(["li"], Paged("sh", 1, "2026-09-30T16:00:00Z")); // 1 October 00:00: the whole level rests but the cover
        Assert.Equal(["li"], Paged("sh", 1, "2026-10-07T15:59:00Z")); // 7 October 23:59
        Assert.Equal(["wang", "hq"], Paged("sh", 1, "2026-10-07T16:00:00Z")); // 8 October
        Assert.Equal(["tech"], Paged("sh", 0, "2026-10-03T04:00:00Z")); // other levels as every week
        Assert.Equal(["boss"], Paged("sh", 2, "2026-10-03T04:00:00Z"));
        Assert.Equal(["hq"], Paged("bj", 1, "2026-10-03T04:00:00Z")); // other sites as every week
    }

    [Fact]
    public void CoverForPartOfADay_OutsideItsHours_TheWeeklyRotaIsPaged()
    {
        var rota = new OnCallRota();
        rota.Set(
        [
            new RotaEntry { Site = "sh", Level = 0, Name = "wang", From = new TimeOnly(9, 0), To = new TimeOnly(18, 0), TimeZone = "Asia/Shanghai" },
            new RotaEntry { Site = "sh", Level = 0, Name = "li", From = new TimeOnly(18, 0), To = new TimeOnly(9, 0), TimeZone = "Asia/Shanghai" },
            new RotaEntry
            {
                Site = "sh", Level = 0, Name = "zhao", Cover = true, From = new TimeOnly(9, 0), To = new TimeOnly(13, 0), TimeZone = "Asia/Shanghai",
                FirstDate = new DateOnly(2026, 11, 25), LastDate = new DateOnly(2026, 11, 25),
            },
        ]);

        string[] Paged(string utc) => rota.OnDuty("sh", 0, At(utc)).Select(e => e.Name).ToArray();

        Assert.Equal(["zhao"], Paged("2026-11-25T02:00:00Z")); // 10:00: wang's morning off, zhao covers
        Assert.Equal(["wang"], Paged("2026-11-25T05:00:00Z")); // 13:00: wang back
        Assert.Equal(["wang"], Paged("2026-11-24T02:00:00Z")); // the day before: as every week
        Assert.Equal(["li"], Paged("2026-11-24T23:00:00Z")); // 25 November 07:00: the night technician, not covered
    }

    [Fact]
    public void DatesAndCover_KeptThroughTheStoresJson()
    {
        var entry = new RotaEntry { Site = "sh", Level = 1, Name = "li", Cover = true, TimeZone = "Asia/Shanghai", FirstDate = new DateOnly(2026, 10, 1), LastDate = new DateOnly(2026, 10, 7) };

        var json = JsonSerializer.Serialize(entry, AlertStore.Json);

        Assert.Contains("\"firstDate\":\"2026-10-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lastDate\":\"2026-10-07\"", json, StringComparison.Ordinal);
        Assert.Contains("\"cover\":true", json, StringComparison.Ordinal);
        Assert.Equal(entry, JsonSerializer.Deserialize<RotaEntry>(json, AlertStore.Json));
        Assert.False(JsonSerializer.Deserialize<RotaEntry>("""{"site":"s1","level":0,"name":"old"}""", AlertStore.Json)!.Cover); // entries stored before covers
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
}
