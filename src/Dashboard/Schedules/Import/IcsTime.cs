using System.Globalization;
using LiveRoom.Contracts.Text;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>
/// An iCalendar DATE-TIME or DATE (RFC 5545 3.3.4/3.3.5): a wall-clock value in <see cref="Zone"/> — UTC for a value
/// ending in Z, the TZID's zone, or the site's zone for a floating time.
/// </summary>
internal sealed record IcsTime(DateTime Local, TimeZoneInfo Zone, bool IsDate)
{
    public DateTimeOffset ToUtc() => TimeZones.ToUtc(Local, Zone);

    /// <summary>Reads a property's value (first of a comma list when <paramref name="value"/> is given, as for EXDATE).</summary>
    public static IcsTime Parse(IcsContentLine line, TimeZoneInfo siteZone, string? value = null)
    {
        value ??= line.Value;
        var isDate = string.Equals(line.Parameter("VALUE"), "DATE", StringComparison.OrdinalIgnoreCase) || value.Length == 8;
        var zone = siteZone;
        if (line.Parameter("TZID") is { } tzid)
        {
            if (!TimeZones.TryResolve(tzid, out var resolved, out _, out var reason))
            {
                throw new ImportRefusal(line.Line, new($"{line.Name}: {reason.Value.English}", $"{line.Name}：{reason.Value.Chinese}"));
            }

            zone = resolved;
        }

        if (isDate)
        {
            if (!DateTime.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ImportRefusal(line.Line, new($"{line.Name} '{value}' is not a date (YYYYMMDD)", $"{line.Name}“{value}”不是日期（YYYYMMDD）"));
            }

            return new IcsTime(date, zone, IsDate: true);
        }

        var utc = value.EndsWith('Z');
        var text = utc ? value[..^1] : value;
        if (!DateTime.TryParseExact(text, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new ImportRefusal(line.Line, new(
                $"{line.Name} '{value}' is not a date-time (YYYYMMDDTHHMMSS, optionally ending in Z)",
                $"{line.Name}“{value}”不是日期时间（YYYYMMDDTHHMMSS，末尾可带 Z）"));
        }

        return new IcsTime(local, utc ? TimeZoneInfo.Utc : zone, IsDate: false);
    }

    /// <summary>RFC 5545 3.3.6 DURATION: [+-]P[nW] or P[nD][T[nH][nM][nS]]. Days are nominal (wall clock), the rest exact.</summary>
    public static (int Days, TimeSpan Time) ParseDuration(IcsContentLine line)
    {
        var v = line.Value.Trim();
        var negative = v.StartsWith('-');
        v = v.TrimStart('+', '-');
        if (!v.StartsWith('P') || v.Length < 3)
        {
            throw new ImportRefusal(line.Line, new(
                $"DURATION '{line.Value}' is not an iCalendar duration (e.g. PT2H or P1DT30M)",
                $"DURATION“{line.Value}”不是 iCalendar 时长（例如 PT2H 或 P1DT30M）"));
        }

        int days = 0;
        var time = TimeSpan.Zero;
        var inTime = false;
        var number = 0L;
        var digits = 0;
        foreach (var c in v[1..])
        {
            if (char.IsAsciiDigit(c))
            {
                number = checked((number * 10) + (c - '0'));
                digits++;
                continue;
            }

            if (c == 'T')
            {
                inTime = true;
                continue;
            }

            if (digits == 0)
            {
                throw new ImportRefusal(line.Line, new($"DURATION '{line.Value}' has '{c}' without a number", $"DURATION“{line.Value}”中的“{c}”前面没有数字"));
            }

            switch (c, inTime)
            {
                case ('W', false): days += (int)number * 7; break;
                case ('D', false): days += (int)number; break;
                case ('H', true): time += TimeSpan.FromHours(number); break;
                case ('M', true): time += TimeSpan.FromMinutes(number); break;
                case ('S', true): time += TimeSpan.FromSeconds(number); break;
                default: throw new ImportRefusal(line.Line, new($"DURATION '{line.Value}' has an unexpected '{c}'", $"DURATION“{line.Value}”中有意外的“{c}”"));
            }

            number = 0;
            digits = 0;
        }

        if (negative)
        {
            throw new ImportRefusal(line.Line, new($"DURATION '{line.Value}' is negative", $"DURATION“{line.Value}”为负"));
        }

        return (days, time);
    }
}
