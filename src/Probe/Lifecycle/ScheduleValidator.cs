using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>Checks a received <see cref="ScheduleMessage"/>; the reason names the first problem found.</summary>
public static class ScheduleValidator
{
    /// <summary>Null when <paramref name="schedule"/> is good for this room; else why not. <paramref name="zone"/> is its time zone.</summary>
    public static string? Check(ScheduleMessage schedule, string site, string room, out TimeZoneInfo? zone)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        zone = null;
        if (schedule.V != SchemaVersion.Current)
        {
            return Text($"schema version {schedule.V} is not {SchemaVersion.Current}");
        }

        if (!string.Equals(schedule.Site, site, StringComparison.Ordinal) || !string.Equals(schedule.Room, room, StringComparison.Ordinal))
        {
            return $"it is for {schedule.Site}/{schedule.Room}, this edge is {site}/{room}";
        }

        if (schedule.Shows is null || schedule.Shows.Count > ScheduleMessage.MaxShows)
        {
            return Text($"{schedule.Shows?.Count ?? 0} shows; at most {ScheduleMessage.MaxShows}");
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone ?? string.Empty);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return $"time zone '{schedule.TimeZone}' is not a known IANA zone";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < schedule.Shows.Count; i++)
        {
            if (CheckShow(schedule.Shows[i], ids) is { } why)
            {
                return Text($"shows[{i}] ('{schedule.Shows[i]?.Id}'): {why}");
            }
        }

        var manual = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in schedule.Manual ?? [])
        {
            if (item is null || string.IsNullOrWhiteSpace(item.Id) || string.IsNullOrWhiteSpace(item.Text))
            {
                return "a manual item has no id or no text";
            }

            if (!manual.Add(item.Id))
            {
                return $"manual item '{item.Id}' is listed twice";
            }
        }

        return null;
    }

    private static string? CheckShow(ScheduledShow? show, HashSet<string> ids)
    {
        if (show is null || string.IsNullOrWhiteSpace(show.Id))
        {
            return "no id";
        }

        if (!ids.Add(show.Id))
        {
            return "the id is listed twice";
        }

        if (show.End <= show.Start)
        {
            return Text($"end {show.End} is not after start {show.Start}");
        }

        if (show.Profile is { } p && (p.Width <= 0 || p.Height <= 0 || !double.IsFinite(p.Fps) || p.Fps <= 0 || p.MinBitrate < 0 || p.MaxBitrate < p.MinBitrate))
        {
            return "profile needs width, height and fps above 0 and 0 <= minBitrate <= maxBitrate";
        }

        return null;
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
