namespace LiveRoom.Ingest.Alerts.Rota;

/// <summary>
/// One person on the rota of a site (seed clause 5.5) at an escalation level: 0 the technician on duty, 1 on call,
/// 2 and up the next in line. <see cref="Days"/>/<see cref="From"/>/<see cref="To"/> limit when, read on the clock of
/// <see cref="TimeZone"/> (an IANA id such as <c>Asia/Shanghai</c>; null: UTC, as entries made before it existed); null
/// means always. <see cref="Site"/> <c>*</c> means every site.
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

    public bool OnDuty(DateTimeOffset now)
    {
        // RotaRules refuses an unknown zone before an entry is stored; one that vanished from the system since reads as UTC.
        var local = TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? TimeZoneInfo.ConvertTime(now, zone).DateTime : now.UtcDateTime;
        if (Days is not null && !Days.Contains(local.DayOfWeek))
        {
            return false;
        }

        if (From is not { } from || To is not { } to)
        {
            return true;
        }

        var t = TimeOnly.FromDateTime(local);
        return from <= to ? t >= from && t < to : t >= from || t < to; // a night shift wraps midnight
    }
}
