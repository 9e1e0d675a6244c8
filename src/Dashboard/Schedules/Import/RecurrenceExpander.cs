namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>
/// Expands a <see cref="RecurrenceRule"/> in the wall-clock time of the event's zone, so a weekly 20:00 show stays at
/// 20:00 local across a DST change (its UTC time moves); a UTC DTSTART repeats in UTC. Stops at COUNT, UNTIL or the
/// horizon, whichever comes first.
/// </summary>
internal static class RecurrenceExpander
{
    /// <summary>Upper bound on candidates examined, whatever the rule says.</summary>
    private const int MaxCandidates = 100_000;

    /// <summary>Local start times of the occurrences (COUNT counts them before EXDATE, RFC 5545 3.8.5.1).</summary>
    /// <param name="start">DTSTART.</param>
    /// <param name="rule">The rule; null: the single occurrence.</param>
    /// <param name="horizonEnd">Occurrences starting after this are not produced.</param>
    /// <param name="cut">Set when the horizon cut the series short.</param>
    public static List<DateTime> Expand(IcsTime start, RecurrenceRule? rule, DateTimeOffset horizonEnd, out bool cut)
    {
        cut = false;
        var result = new List<DateTime>();
        if (rule is null)
        {
            result.Add(start.Local);
            return result;
        }

        var zone = start.Zone;
        var untilUtc = rule.Until is { IsDate: false } u ? u.ToUtc() : (DateTimeOffset?)null;
        var untilDate = rule.Until is { IsDate: true } d ? d.Local.Date : (DateTime?)null;
        var emitted = 0;
        foreach (var candidate in Candidates(start.Local, rule).Take(MaxCandidates))
        {
            if ((untilDate is not null && candidate.Date > untilDate) || (untilUtc is not null && TimeZones.ToUtc(candidate, zone) > untilUtc))
            {
                return result;
            }

            if (rule.Count is { } count && emitted >= count)
            {
                return result;
            }

            if (TimeZones.ToUtc(candidate, zone) > horizonEnd)
            {
                cut = true;
                return result;
            }

            emitted++;
            result.Add(candidate);
        }

        return result;
    }

    private static IEnumerable<DateTime> Candidates(DateTime first, RecurrenceRule rule)
    {
        var time = first.TimeOfDay;
        if (!rule.Weekly)
        {
            // DAILY: every INTERVAL days; BYDAY limits which of them count.
            for (var date = first.Date; date.Year < 9999; date = date.AddDays(rule.Interval))
            {
                if (rule.ByDay.Count == 0 || rule.ByDay.Contains(date.DayOfWeek))
                {
                    yield return date + time;
                }
            }

            yield break;
        }

        // WEEKLY: weeks begin on WKST; every INTERVAL weeks, the BYDAY days (default DTSTART's day) in week order.
        var days = (rule.ByDay.Count > 0 ? rule.ByDay : [first.DayOfWeek])
            .Select(day => ((int)day - (int)rule.WeekStart + 7) % 7)
            .Order()
            .ToList();
        var weekStart = first.Date.AddDays(-(((int)first.DayOfWeek - (int)rule.WeekStart + 7) % 7));
        for (; weekStart.Year < 9999; weekStart = weekStart.AddDays(7 * rule.Interval))
        {
            foreach (var offset in days)
            {
                var date = weekStart.AddDays(offset);
                if (date >= first.Date)
                {
                    yield return date + time;
                }
            }
        }
    }
}
