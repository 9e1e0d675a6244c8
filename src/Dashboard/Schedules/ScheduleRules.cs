using System.Globalization;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Topics;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>What a site, room, manual item or show must satisfy; each check returns the problem in words, or null.</summary>
internal static class ScheduleRules
{
    public const int MaxTitle = 200;
    public const int MaxHost = 100;
    public const int MaxName = 100;
    public const int MaxItemText = 300;

    /// <summary>The longest show accepted: 24 h.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    public static string? CheckId(string what, string? id) =>
        Identifier.IsValid(id, out var reason) ? null : $"{what} id: {reason}";

    public static string? CheckText(string what, string? text, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? $"{what} is empty" : null;
        }

        if (text.Length > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{what} is {text.Length} characters; at most {max} are allowed");
        }

        return text.Any(char.IsControl) ? $"{what} contains a control character" : null;
    }

    /// <summary>Checks a show's times, title, host and profile; the room is checked by the caller.</summary>
    public static string? CheckShow(DateTimeOffset? start, DateTimeOffset? end, string? title, string? host, ShowProfile? profile, DateTimeOffset now, TimeZoneInfo zone, string zoneName)
    {
        if (start is null || end is null)
        {
            return "start and end are required (ISO 8601 with an offset, e.g. 2026-11-23T14:00:00+08:00)";
        }

        if (end <= start)
        {
            return $"end {Local(end.Value, zone)} is not after start {Local(start.Value, zone)} ({zoneName})";
        }

        if (end - start > MaxDuration)
        {
            return string.Create(CultureInfo.InvariantCulture, $"show lasts {(end.Value - start.Value).TotalHours:0.#} h; at most {MaxDuration.TotalHours:0} h is allowed");
        }

        if (start < now)
        {
            return $"start {Local(start.Value, zone)} ({zoneName}) is in the past (now {Local(now, zone)})";
        }

        return CheckText("title", title, MaxTitle) ?? CheckText("host", host, MaxHost, required: false) ?? CheckProfile(profile);
    }

    public static string? CheckProfile(ShowProfile? p)
    {
        if (p is null)
        {
            return null;
        }

        if (p.Width is < 16 or > 8192 || p.Height is < 16 or > 8192)
        {
            return string.Create(CultureInfo.InvariantCulture, $"profile size {p.Width}x{p.Height} is out of range (16 to 8192 pixels each)");
        }

        if (!double.IsFinite(p.Fps) || p.Fps is < 1 or > 240)
        {
            return string.Create(CultureInfo.InvariantCulture, $"profile fps {p.Fps} is out of range (1 to 240)");
        }

        if (p.MinBitrate < 0 || p.MaxBitrate <= 0 || p.MinBitrate > p.MaxBitrate)
        {
            return string.Create(CultureInfo.InvariantCulture, $"profile bitrate range {p.MinBitrate}..{p.MaxBitrate} bit/s is not a range of non-negative numbers with min ≤ max");
        }

        return null;
    }

    /// <summary>The conflict in words, naming both shows (title and times in the site's zone).</summary>
    public static string Describe(ShowConflict conflict, TimeZoneInfo zone, string zoneName, Func<ShowRecord, string>? label = null)
    {
        label ??= _ => string.Empty;
        var incoming = conflict.Incoming;
        var existing = conflict.Existing;
        var other = conflict.ExistingIsStored ? "the scheduled show" : "show";
        return $"{label(incoming)}'{incoming.Title}' ({TimeZones.Describe(incoming.Start, incoming.End, zone, zoneName)}) overlaps "
            + $"{other} {label(existing)}'{existing.Title}' ({TimeZones.Describe(existing.Start, existing.End, zone, zoneName)}) in room {incoming.Room}";
    }

    private static string Local(DateTimeOffset t, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
