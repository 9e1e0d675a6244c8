namespace LiveRoom.Ingest.Alerts.Rota;

/// <summary>
/// One person on the rota of a site (seed clause 5.5) at an escalation level: 0 the technician on duty, 1 on call,
/// 2 and up the next in line. <see cref="Days"/>/<see cref="From"/>/<see cref="To"/> limit when, read on the clock of
/// <see cref="TimeZone"/> (an IANA id such as <c>Asia/Shanghai</c>; null: UTC, as entries made before it existed); null
/// means always. <see cref="FirstDate"/>/<see cref="LastDate"/> limit the dates (a new hire from the day they start, a
/// cover for a holiday). A <see cref="Cover"/> takes the place of the weekly rota at its site and level while it is on
/// duty (<see cref="OnCallRota.OnDuty"/>). <see cref="Site"/> <c>*</c> means every site.
/// </summary>
public sealed record RotaEntry
{
    public required string Site { get; init; }

    public required int Level { get; init; }

    public required string Name { get; init; }

    /// <summary>Mobile number, @-mentioned in DingTalk/WeCom messages.</summary>
    public string? Mobile { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<DayOfWeek>? Days { get; init; }

    public TimeOnly? From { get; init; }

    public TimeOnly? To { get; init; }

    /// <summary>The clock <see cref="Days"/>, <see cref="From"/> and <see cref="To"/> are read on: the site's, so a shift is
    /// written as the studio works it ("09:00–18:00", a night shift "22:00–06:00") and follows daylight saving. Null: UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The first date (on the entry's clock) the entry applies; null: since always. A night shift that starts on
    /// the last date runs to its end the next morning.</summary>
    public DateOnly? FirstDate { get; init; }

    /// <summary>The last date (inclusive, on the entry's clock) the entry applies; null: no end.</summary>
    public DateOnly? LastDate { get; init; }

    /// <summary>
    /// A cover (a holiday, a swap, a sick day): while it is on duty, the people of the weekly rota at the same site and
    /// level are not paged, only the covers. Needs both dates (<see cref="RotaRules"/>).
    /// </summary>
    public bool Cover { get; init; }

    public bool OnDuty(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone()).DateTime;
        var t = TimeOnly.FromDateTime(local);

        // The part of a night shift after midnight belongs to the day it started on: its weekday and its date.
        var wraps = From is { } f && To is { } e && f > e;
        var day = wraps && t < To!.Value ? local.AddDays(-1) : local;
        var date = DateOnly.FromDateTime(day);
        if ((FirstDate is { } first && date < first) || (LastDate is { } last && date > last))
        {
            return false;
        }

        if (Days is not null && !Days.Contains(day.DayOfWeek))
        {
            return false;
        }

        if (From is not { } from || To is not { } to)
        {
            return true;
        }

        return from <= to ? t >= from && t < to : t >= from || t < to; // a night shift wraps midnight
    }

    /// <summary>
    /// The instants in [<paramref name="from"/>, <paramref name="to"/>) at which <see cref="OnDuty"/> may change (and
    /// others, where it does not): each local midnight, start and end of the shift on the entry's clock, and the clock's
    /// own changes (daylight saving: a shift that starts in the skipped hour starts when the clock jumps). Between two
    /// consecutive instants of this list, <see cref="OnDuty"/> answers the same.
    /// </summary>
    internal IEnumerable<DateTimeOffset> Changes(DateTimeOffset from, DateTimeOffset to)
    {
        if (Days is null && From is null && To is null && FirstDate is null && LastDate is null)
        {
            yield break; // always on duty
        }

        var zone = Zone();

        // The clock's changes: every time zone in use changes its offset on a UTC quarter hour.
        var step = TimeSpan.FromMinutes(15);
        var u = new DateTimeOffset(from.UtcTicks - (from.UtcTicks % step.Ticks), TimeSpan.Zero);
        var offset = zone.GetUtcOffset(u);
        for (; u < to; u += step)
        {
            var next = zone.GetUtcOffset(u);
            if (next != offset && u >= from)
            {
                yield return u;
            }

            offset = next;
        }

        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            foreach (var time in new[] { TimeOnly.MinValue, From ?? TimeOnly.MinValue, To ?? TimeOnly.MinValue }.Distinct())
            {
                var local = date.ToDateTime(time, DateTimeKind.Unspecified);
                var offsets = zone.IsInvalidTime(local) ? Array.Empty<TimeSpan>() : zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local) : new[] { zone.GetUtcOffset(local) };
                foreach (var instant in offsets.Select(o => new DateTimeOffset(local, o)))
                {
                    if (instant >= from && instant < to)
                    {
                        yield return instant;
                    }
                }
            }
        }
    }

    // RotaRules refuses an unknown zone before an entry is stored; one that vanished from the system since reads as UTC.
    private TimeZoneInfo Zone() =>
        TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
