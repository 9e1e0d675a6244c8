namespace LiveRoom.Ingest.Alerts.Lifecycle;

/// <summary>
/// Mutes matching alerts from <see cref="StartsAt"/> to <see cref="EndsAt"/> (always with an expiry). Null matchers
/// match anything. A recurring maintenance window sets <see cref="Days"/>, <see cref="DailyStart"/> (UTC) and
/// <see cref="DailyDuration"/>, and is active on those days while between StartsAt and EndsAt.
/// </summary>
public sealed record Silence
{
    public required string Id { get; init; }

    public string? Site { get; init; }

    public string? Room { get; init; }

    public string? RuleId { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public required string CreatedBy { get; init; }

    public string? Comment { get; init; }

    public IReadOnlyList<DayOfWeek>? Days { get; init; }

    public TimeOnly? DailyStart { get; init; }

    public TimeSpan? DailyDuration { get; init; }

    public bool Matches(string site, string room, string ruleId) =>
        (Site is null || Site == site) && (Room is null || Room == room) && (RuleId is null || RuleId == ruleId);

    public bool IsActive(DateTimeOffset now)
    {
        if (now < StartsAt || now >= EndsAt)
        {
            return false;
        }

        if (DailyStart is not { } start || DailyDuration is not { } duration)
        {
            return true;
        }

        // The window may have started yesterday and run past midnight.
        for (var back = 0; back <= 1; back++)
        {
            var day = now.UtcDateTime.Date.AddDays(-back);
            var opens = new DateTimeOffset(day, TimeSpan.Zero) + start.ToTimeSpan();
            if ((Days is null || Days.Contains(day.DayOfWeek)) && now >= opens && now < opens + duration)
            {
                return true;
            }
        }

        return false;
    }
}
