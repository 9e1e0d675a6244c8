namespace LiveRoom.Ingest.Alerts.Rota;

/// <summary>
/// One person on the rota of a site (seed clause 5.5) at an escalation level: 0 the technician on duty, 1 on call,
/// 2 and up the next in line. <see cref="Days"/>/<see cref="From"/>/<see cref="To"/> (UTC) limit when; null means always.
/// <see cref="Site"/> <c>*</c> means every site.
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

    public bool OnDuty(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        if (Days is not null && !Days.Contains(utc.DayOfWeek))
        {
            return false;
        }

        if (From is not { } from || To is not { } to)
        {
            return true;
        }

        var t = TimeOnly.FromDateTime(utc);
        return from <= to ? t >= from && t < to : t >= from || t < to; // a night shift wraps midnight
    }
}
