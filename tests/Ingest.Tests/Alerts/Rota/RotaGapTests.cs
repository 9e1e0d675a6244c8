using System.Globalization;
using LiveRoom.Ingest.Alerts.Rota;

namespace LiveRoom.Ingest.Tests.Alerts.Rota;

/// <summary>
/// Seed clause 5.5 (someone answers every alert): the holes in a site's rota — hours when nobody is on duty at a level —
/// found for the week ahead, exact to the minute on the site's clock, across midnight, covers, an entry's last date and
/// daylight saving; checked against asking the rota minute by minute.
/// </summary>
public sealed class RotaGapTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Fact]
    public void DayShiftOnWeekdaysAndANightShift_LeaveTheEveningsAndTheWeekendDays()
    {
        var rota = new OnCallRota();
        rota.Set(
        [
            new RotaEntry { Site = "sh", Level = 0, Name = "wang", Days = Weekdays, From = new TimeOnly(9, 0), To = new TimeOnly(18, 0), TimeZone = "Asia/Shanghai" },
            new RotaEntry { Site = "sh", Level = 0, Name = "li", From = new TimeOnly(22, 0), To = new TimeOnly(9, 0), TimeZone = "Asia/Shanghai" },
            new RotaEntry { Site = "bj", Level = 0, Name = "elsewhere" },
        ]);

        // Monday 23 November 2026 00:00 in Shanghai, for a week.
        var gaps = rota.Gaps("sh", 0, Shanghai(2026, 11, 23, 0, 0), Shanghai(2026, 11, 30, 0, 0));

        string[] expected =
        [
            .. Enumerable.Range(23, 5).Select(d => $"{d} 18:00–{d} 22:00"), // Monday to Friday evenings
            "28 09:00–28 22:00", "29 09:00–29 22:00", // Saturday and Sunday days
        ];
        Assert.Equal(expected, gaps.Select(Text));
        Assert.All(gaps, g => Assert.Equal(("sh", 0), (g.Site, g.Level)));
        Assert.Empty(rota.Gaps("bj", 0, Shanghai(2026, 11, 23, 0, 0), Shanghai(2026, 11, 30, 0, 0)));
    }

    [Fact]
    public void CoverFillsAGap_AnEntryThatEnds_OpensOne_ARunningGapEndsWithThePeriod()
    {
        var rota = new OnCallRota();
        rota.Set(
        [
            new RotaEntry { Site = "*", Level = 1, Name = "hq", Days = Weekdays, TimeZone = "Asia/Shanghai", LastDate = new DateOnly(2026, 11, 26) },
            new RotaEntry
            {
                Site = "sh", Level = 1, Name = "zhao", Cover = true, From = new TimeOnly(10, 0), To = new TimeOnly(12, 30), TimeZone = "Asia/Shanghai",
                FirstDate = new DateOnly(2026, 11, 28), LastDate = new DateOnly(2026, 11, 28),
            },
        ]);

        // From Wednesday 25 November 15:20:07 (the page asks from now, not from a whole minute).
        var from = Shanghai(2026, 11, 25, 15, 20).AddSeconds(7);
        var gaps = rota.Gaps("sh", 1, from, from.AddDays(7));

        // hq's weekdays end with Thursday 26th; Saturday's cover fills 10:00–12:30; the gap then runs to the period's end.
        Assert.Equal(["27 00:00–28 10:00", "28 12:30–02 15:20"], gaps.Select(Text));
        Assert.Equal(from.AddDays(7), gaps[^1].End);
    }

    [Fact]
    public void NobodyAtALevel_TheWholePeriodIsAGap_SomeoneAlways_None()
    {
        var rota = new OnCallRota();
        var from = Shanghai(2026, 11, 23, 0, 0);
        Assert.Equal([new RotaGap("sh", 0, from, from.AddDays(7))], rota.Gaps("sh", 0, from, from.AddDays(7)));

        rota.Set([new RotaEntry { Site = "sh", Level = 0, Name = "always" }]);
        Assert.Empty(rota.Gaps("sh", 0, from, from.AddDays(7)));
    }

    [Fact]
    public void SpringForward_AShiftStartingInTheSkippedHour_StartsWhenTheClockJumps()
    {
        // Berlin, Sunday 28 March 2027: 02:00 becomes 03:00 (01:00 UTC). The night shift starts at 02:30, which that day
        // never shows: it starts at 03:00 local.
        var rota = new OnCallRota();
        rota.Set(
        [
            new RotaEntry { Site = "eu", Level = 0, Name = "night", From = new TimeOnly(2, 30), To = new TimeOnly(8, 0), TimeZone = "Europe/Berlin" },
            new RotaEntry { Site = "eu", Level = 0, Name = "day", From = new TimeOnly(8, 0), To = new TimeOnly(1, 30), TimeZone = "Europe/Berlin" },
        ]);

        var gaps = rota.Gaps("eu", 0, new DateTimeOffset(2027, 3, 27, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 29, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [
                (new DateTimeOffset(2027, 3, 27, 0, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 27, 1, 30, 0, TimeSpan.Zero)), // 01:30–02:30 CET
                (new DateTimeOffset(2027, 3, 28, 0, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero)), // 01:30 CET – 03:00 CEST
                (new DateTimeOffset(2027, 3, 28, 23, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 29, 0, 0, 0, TimeSpan.Zero)), // 01:30 CEST – the end
            ],
            gaps.Select(g => (g.Start, g.End)));
    }

    [Theory]
    [InlineData(1, "2026-11-23T00:00:00Z")]
    [InlineData(2, "2027-03-24T00:00:00Z")] // Europe and America spring forward
    [InlineData(3, "2027-10-28T00:00:00Z")] // Europe falls back
    [InlineData(4, "2027-11-04T00:00:00Z")] // America falls back
    public void RandomRotas_GapsAreExactlyTheMinutesWithNobodyOnDuty(int seed, string fromUtc)
    {
        var random = new Random(seed);
        string?[] zones = ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", null];
        var from = DateTimeOffset.Parse(fromUtc, CultureInfo.InvariantCulture);
        var to = from.AddDays(7);
        for (var round = 0; round < 12; round++)
        {
            var entries = Enumerable.Range(0, random.Next(1, 6)).Select(i => RandomEntry(random, zones, i, from)).ToArray();
            var rota = new OnCallRota();
            rota.Set(entries);

            var gaps = rota.Gaps("sh", 0, from, to);

            for (var minute = from; minute < to; minute = minute.AddMinutes(1))
            {
                var nobody = !entries.Any(e => e.OnDuty(minute));
                var inGap = gaps.Any(g => g.Start <= minute && minute < g.End);
                Assert.True(nobody == inGap, $"round {round}, {minute:u}: nobody on duty {nobody}, in a gap {inGap}");
            }

            // Gaps are separate and in order.
            Assert.All(gaps.Zip(gaps.Skip(1)), p => Assert.True(p.First.End < p.Second.Start));
        }
    }

    private static RotaEntry RandomEntry(Random random, string?[] zones, int i, DateTimeOffset from)
    {
        TimeOnly Minute() => new(random.Next(24), random.Next(4) * 15 + random.Next(2) * 7);
        var hasHours = random.Next(3) > 0;
        var hasDates = random.Next(3) == 0;
        var first = DateOnly.FromDateTime(from.UtcDateTime).AddDays(random.Next(-2, 6));
        return new RotaEntry
        {
            Site = random.Next(4) == 0 ? "*" : "sh",
            Level = 0,
            Name = "p" + i,
            Days = random.Next(2) == 0 ? null : Enum.GetValues<DayOfWeek>().Where(_ => random.Next(2) == 0).ToArray(),
            From = hasHours ? Minute() : null,
            To = hasHours ? Minute() : null,
            TimeZone = zones[random.Next(zones.Length)],
            FirstDate = hasDates ? first : null,
            LastDate = hasDates ? first.AddDays(random.Next(0, 4)) : null,
            Cover = hasDates && random.Next(2) == 0,
        };
    }

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    // A gap as read on the Shanghai clock, to the minute: "23 18:00–23 22:00".
    private static string Text(RotaGap gap) =>
        gap.Start.ToOffset(TimeSpan.FromHours(8)).ToString("dd HH:mm", CultureInfo.InvariantCulture) + "–" + gap.End.ToOffset(TimeSpan.FromHours(8)).ToString("dd HH:mm", CultureInfo.InvariantCulture);
}
