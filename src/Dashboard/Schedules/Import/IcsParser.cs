using System.Globalization;
using LiveRoom.Contracts.Text;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>
/// Reads the VEVENTs of an iCalendar file (RFC 5545) into shows: SUMMARY is the title, X-LIVEROOM-ROOM or LOCATION the
/// room, X-LIVEROOM-HOST or a DESCRIPTION line "Host: …" the host; DTSTART with DTEND or DURATION, in UTC, a TZID zone
/// (IANA, or a Windows name) or floating (the site's zone); RRULE (DAILY/WEEKLY) expanded up to the horizon, minus EXDATE
/// and occurrences moved by a RECURRENCE-ID. All-day events are refused: a show needs times. Each show carries its
/// occurrence's identity (<see cref="SourceKeys"/>) when the event has a UID, so a re-import updates it in place.
/// </summary>
internal static class IcsParser
{
    public static ParsedSchedule Parse(string text, TimeZoneInfo siteZone, DateTimeOffset now, TimeSpan horizon)
    {
        try
        {
            var events = ReadEvents(IcsContentLine.ReadAll(text));
            if (events.Count == 0)
            {
                return ParsedSchedule.Refused(new("the file holds no VEVENT (is it an iCalendar file?)", "文件中没有 VEVENT（这是 iCalendar 文件吗？）"));
            }

            var shows = new List<ImportedShow>();
            int skippedPast = 0, beyond = 0;
            var moved = events
                .Where(e => e.Get("RECURRENCE-ID") is not null && Uid(e) is not null)
                .Select(e => (Uid: Uid(e)!, At: IcsTime.Parse(e.Get("RECURRENCE-ID")!, siteZone).ToUtc()))
                .ToHashSet();
            foreach (var e in events)
            {
                if (string.Equals(e.Get("STATUS")?.Value, "CANCELLED", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var (occurrences, cut, past) = Occurrences(e, siteZone, now, now + horizon, moved);
                shows.AddRange(occurrences);
                skippedPast += past;
                beyond += cut ? 1 : 0;
            }

            CheckKeysUnique(shows);
            var uids = events.Select(Uid).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return new ParsedSchedule(shows, null, skippedPast, beyond) { Uids = uids };
        }
        catch (ImportRefusal ex)
        {
            return ParsedSchedule.Refused(ex.Text);
        }
    }

    private static (List<ImportedShow> Shows, bool Cut, int Past) Occurrences(
        IcsEvent e, TimeZoneInfo siteZone, DateTimeOffset now, DateTimeOffset horizonEnd, HashSet<(string Uid, DateTimeOffset At)> moved)
    {
        var title = e.Get("SUMMARY") is { } summary ? IcsContentLine.Unescape(summary.Value).Trim() : string.Empty;
        var label = title.Length > 0 ? new LocalText($"event '{title}'", $"事件“{title}”") : new LocalText("event", "事件");
        var dtStart = e.Get("DTSTART") ?? throw new ImportRefusal(e.Line, new($"{label.English} has no DTSTART", $"{label.Chinese}没有 DTSTART"));
        var start = IcsTime.Parse(dtStart, siteZone);
        if (start.IsDate)
        {
            throw new ImportRefusal(dtStart.Line, new(
                $"{label.English} is an all-day event (DTSTART;VALUE=DATE): a show needs a start and an end time",
                $"{label.Chinese}是全天事件（DTSTART;VALUE=DATE）：场次需要开始和结束时间"));
        }

        if (title.Length == 0)
        {
            throw new ImportRefusal(e.Line, new("event has no SUMMARY (the show's title)", "事件没有 SUMMARY（场次标题）"));
        }

        var room = (e.Get("X-LIVEROOM-ROOM") ?? e.Get("LOCATION")) is { } r ? IcsContentLine.Unescape(r.Value).Trim() : string.Empty;
        if (room.Length == 0)
        {
            throw new ImportRefusal(e.Line, new($"{label.English} names no room (X-LIVEROOM-ROOM or LOCATION)", $"{label.Chinese}没有写明直播间（X-LIVEROOM-ROOM 或 LOCATION）"));
        }

        var host = Host(e);
        var endOf = EndFunction(e, start, label);
        var rule = e.Get("RRULE") is { } rrule && e.Get("RECURRENCE-ID") is null ? RecurrenceRule.Parse(rrule, start.Zone) : null;
        var excluded = Exdates(e, start.Zone);
        var uid = Uid(e);
        DateTimeOffset? recurrenceId = uid is not null && e.Get("RECURRENCE-ID") is { } rid ? IcsTime.Parse(rid, siteZone).ToUtc() : null;
        var shows = new List<ImportedShow>();
        var past = 0;
        var occurrences = RecurrenceExpander.Expand(start, rule, horizonEnd, out var cut);
        foreach (var local in occurrences)
        {
            var startUtc = TimeZones.ToUtc(local, start.Zone);
            if (excluded.Instants.Contains(startUtc) || excluded.Dates.Contains(local.Date)
                || (rule is not null && uid is not null && moved.Contains((uid, startUtc))))
            {
                continue;
            }

            if (startUtc < now)
            {
                past++;
                continue;
            }

            // An occurrence of a series is known by its original start (what a RECURRENCE-ID names), a single event by its
            // UID alone, so moving it in the calendar updates the stored show rather than replacing it.
            var key = uid is null ? null
                : recurrenceId is { } original ? SourceKeys.Ics(uid, original)
                : rule is not null ? SourceKeys.Ics(uid, startUtc)
                : SourceKeys.Ics(uid);
            shows.Add(new ImportedShow(e.Line, room, startUtc, endOf(local), title, host, null, key));
        }

        return (shows, cut, past);
    }

    /// <summary>The event's UID, or null when it has none (its shows are then imported without an identity, as new).</summary>
    private static string? Uid(IcsEvent e) => e.Get("UID")?.Value.Trim() is { Length: > 0 } uid ? uid : null;

    /// <summary>Two events that claim the same occurrence (same UID, no RECURRENCE-ID or the same one) cannot both be synced.</summary>
    private static void CheckKeysUnique(List<ImportedShow> shows)
    {
        var first = new Dictionary<string, ImportedShow>(StringComparer.Ordinal);
        foreach (var show in shows.Where(s => s.SourceKey is not null))
        {
            if (!first.TryAdd(show.SourceKey!, show))
            {
                var other = first[show.SourceKey!];
                var uid = SourceKeys.IcsUid(show.SourceKey!);
                throw new ImportRefusal(show.Line, new(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"event '{show.Title}' has the UID '{uid}' of the event on line {other.Line} for the same occurrence; give each event its own UID (a changed occurrence of a series keeps the UID and adds a RECURRENCE-ID)"),
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"事件“{show.Title}”与第 {other.Line} 行的事件使用同一 UID“{uid}”且是同一次场次；请给每个事件各自的 UID（系列中改动的那一次保留 UID 并加 RECURRENCE-ID）")));
            }
        }
    }

    /// <summary>End of an occurrence from its local start: DTEND gives an exact length, DURATION adds days on the wall clock and time exactly.</summary>
    private static Func<DateTime, DateTimeOffset> EndFunction(IcsEvent e, IcsTime start, LocalText label)
    {
        var zone = start.Zone;
        if (e.Get("DTEND") is { } dtEnd)
        {
            var end = IcsTime.Parse(dtEnd, start.Zone);
            if (end.IsDate)
            {
                throw new ImportRefusal(dtEnd.Line, new(
                    $"{label.English} ends on a date only (DTEND;VALUE=DATE): a show needs an end time",
                    $"{label.Chinese}的结束只有日期（DTEND;VALUE=DATE）：场次需要结束时间"));
            }

            if (end.ToUtc() <= start.ToUtc())
            {
                throw new ImportRefusal(dtEnd.Line, new(
                    $"{label.English} ends ({dtEnd.Value}) before or when it starts ({e.Get("DTSTART")!.Value})",
                    $"{label.Chinese}的结束时间（{dtEnd.Value}）不晚于开始时间（{e.Get("DTSTART")!.Value}）"));
            }

            // RFC 5545 3.8.5.3: with DTEND, every occurrence lasts the same exact duration.
            var exact = end.ToUtc() - start.ToUtc();
            return local => TimeZones.ToUtc(local, zone) + exact;
        }

        if (e.Get("DURATION") is { } duration)
        {
            var (days, time) = IcsTime.ParseDuration(duration);
            if (days == 0 && time <= TimeSpan.Zero)
            {
                throw new ImportRefusal(duration.Line, new($"{label.English} has a zero DURATION", $"{label.Chinese}的 DURATION 为零"));
            }

            return local => TimeZones.ToUtc(local.AddDays(days), zone) + time;
        }

        throw new ImportRefusal(e.Line, new($"{label.English} has neither DTEND nor DURATION", $"{label.Chinese}既没有 DTEND 也没有 DURATION"));
    }

    private static (HashSet<DateTimeOffset> Instants, HashSet<DateTime> Dates) Exdates(IcsEvent e, TimeZoneInfo zone)
    {
        var instants = new HashSet<DateTimeOffset>();
        var dates = new HashSet<DateTime>();
        foreach (var line in e.All("EXDATE"))
        {
            foreach (var value in line.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var t = IcsTime.Parse(line, zone, value);
                if (t.IsDate)
                {
                    dates.Add(t.Local.Date);
                }
                else
                {
                    instants.Add(t.ToUtc());
                }
            }
        }

        return (instants, dates);
    }

    private static string Host(IcsEvent e)
    {
        if (e.Get("X-LIVEROOM-HOST") is { } host)
        {
            return IcsContentLine.Unescape(host.Value).Trim();
        }

        if (e.Get("DESCRIPTION") is { } description)
        {
            foreach (var line in IcsContentLine.Unescape(description.Value).Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))
                {
                    return trimmed[5..].Trim();
                }
            }
        }

        return string.Empty;
    }

    private static List<IcsEvent> ReadEvents(List<IcsContentLine> lines)
    {
        var events = new List<IcsEvent>();
        IcsEvent? current = null;
        var nested = new Stack<string>();
        foreach (var line in lines)
        {
            if (line.Name == "BEGIN")
            {
                var component = line.Value.Trim().ToUpperInvariant();
                if (component == "VEVENT" && current is null && nested.Count == 0)
                {
                    current = new IcsEvent(line.Line);
                }
                else if (current is not null || component != "VCALENDAR")
                {
                    nested.Push(component);
                }

                continue;
            }

            if (line.Name == "END")
            {
                var component = line.Value.Trim().ToUpperInvariant();
                if (nested.Count > 0)
                {
                    if (nested.Pop() != component)
                    {
                        throw new ImportRefusal(line.Line, new($"END:{component} does not close the open component", $"END:{component} 与当前打开的组件不对应"));
                    }
                }
                else if (component == "VEVENT" && current is not null)
                {
                    events.Add(current);
                    current = null;
                }

                continue;
            }

            if (current is not null && nested.Count == 0)
            {
                current.Add(line);
            }
        }

        if (current is not null)
        {
            throw new ImportRefusal(current.Line, new("BEGIN:VEVENT is never closed by END:VEVENT", "BEGIN:VEVENT 没有以 END:VEVENT 结束"));
        }

        return events;
    }
}
