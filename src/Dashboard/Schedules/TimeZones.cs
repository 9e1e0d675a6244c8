using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LiveRoom.Contracts.Text;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>
/// Time zones by IANA name (what a site stores), accepting Windows names (Outlook writes <c>TZID=China Standard Time</c>)
/// by mapping them to IANA, and the RFC 5545 rules for local times that a DST change skips or repeats.
/// </summary>
internal static class TimeZones
{
    /// <summary>Resolves an IANA or Windows zone name to a zone and its IANA name; false with a reason otherwise.</summary>
    public static bool TryResolve(string? name, [NotNullWhen(true)] out TimeZoneInfo? zone, [NotNullWhen(true)] out string? ianaName, [NotNullWhen(false)] out LocalText? reason)
    {
        zone = null;
        ianaName = null;
        var trimmed = name?.Trim().Trim('"');
        if (string.IsNullOrEmpty(trimmed))
        {
            reason = new("time zone is empty; give an IANA name such as Asia/Shanghai or Europe/Berlin", "时区为空；请填写 IANA 名称，例如 Asia/Shanghai 或 Europe/Berlin");
            return false;
        }

        var candidate = trimmed;
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(trimmed, out var fromWindows))
        {
            candidate = fromWindows;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(candidate);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            reason = new(
                $"time zone '{trimmed}' is unknown; give an IANA name such as Asia/Shanghai or Europe/Berlin",
                $"未知时区“{trimmed}”；请填写 IANA 名称，例如 Asia/Shanghai 或 Europe/Berlin");
            return false;
        }

        ianaName = zone.HasIanaId ? zone.Id : (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id);
        reason = null;
        return true;
    }

    /// <summary>
    /// A local wall-clock time in <paramref name="zone"/> to UTC. RFC 5545 3.3.5: a time skipped by a DST change is
    /// read with the offset before the gap (02:30 becomes 03:30 summer time); a repeated time is the first one.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            offset = zone.GetUtcOffset(local.AddHours(-3));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>"2026-11-23 14:00–16:00 Asia/Shanghai" (end date shown when it differs), for messages.</summary>
    public static string Describe(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, string zoneName)
    {
        var s = TimeZoneInfo.ConvertTime(start, zone);
        var e = TimeZoneInfo.ConvertTime(end, zone);
        var endText = s.Date == e.Date
            ? e.ToString("HH:mm", CultureInfo.InvariantCulture)
            : e.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{s.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}–{endText} {zoneName}";
    }
}
