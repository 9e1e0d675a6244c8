using System.Globalization;
using LiveRoom.Contracts.Text;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>
/// The RRULE subset a studio calendar uses (RFC 5545 3.3.10): FREQ=DAILY or WEEKLY with INTERVAL, COUNT, UNTIL, BYDAY
/// and WKST. Anything else is refused by name rather than expanded wrongly.
/// </summary>
internal sealed record RecurrenceRule(bool Weekly, int Interval, int? Count, IcsTime? Until, IReadOnlyList<DayOfWeek> ByDay, DayOfWeek WeekStart)
{
    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MO"] = DayOfWeek.Monday,
        ["TU"] = DayOfWeek.Tuesday,
        ["WE"] = DayOfWeek.Wednesday,
        ["TH"] = DayOfWeek.Thursday,
        ["FR"] = DayOfWeek.Friday,
        ["SA"] = DayOfWeek.Saturday,
        ["SU"] = DayOfWeek.Sunday,
    };

    public static RecurrenceRule Parse(IcsContentLine line, TimeZoneInfo zone)
    {
        bool? weekly = null;
        var interval = 1;
        int? count = null;
        IcsTime? until = null;
        var byDay = new List<DayOfWeek>();
        var weekStart = DayOfWeek.Monday;
        foreach (var part in line.Value.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq].ToUpperInvariant();
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            switch (key)
            {
                case "FREQ":
                    weekly = value.ToUpperInvariant() switch
                    {
                        "DAILY" => false,
                        "WEEKLY" => true,
                        _ => throw new ImportRefusal(line.Line, new(
                            $"RRULE FREQ={value} is not supported (only DAILY and WEEKLY); list the shows one by one or use CSV",
                            $"不支持 RRULE FREQ={value}（只支持 DAILY 和 WEEKLY）；请逐个列出场次或使用 CSV")),
                    };
                    break;
                case "INTERVAL":
                    interval = Number(line, key, value, 1, 1000);
                    break;
                case "COUNT":
                    count = Number(line, key, value, 1, 100_000);
                    break;
                case "UNTIL":
                    until = IcsTime.Parse(line with { Parameters = new Dictionary<string, string>() }, zone, value);
                    break;
                case "BYDAY":
                    foreach (var d in value.Split(','))
                    {
                        byDay.Add(Days.TryGetValue(d, out var day)
                            ? day
                            : throw new ImportRefusal(line.Line, new(
                                $"RRULE BYDAY '{d}' is not supported (only MO,TU,WE,TH,FR,SA,SU without a number)",
                                $"不支持 RRULE BYDAY“{d}”（只支持不带数字的 MO,TU,WE,TH,FR,SA,SU）")));
                    }

                    break;
                case "WKST":
                    weekStart = Days.TryGetValue(value, out var ws) ? ws : throw new ImportRefusal(line.Line, new($"RRULE WKST '{value}' is not a day", $"RRULE WKST“{value}”不是星期几"));
                    break;
                default:
                    throw new ImportRefusal(line.Line, new(
                        $"RRULE part {key} is not supported (only FREQ, INTERVAL, COUNT, UNTIL, BYDAY, WKST)",
                        $"不支持 RRULE 的 {key} 部分（只支持 FREQ、INTERVAL、COUNT、UNTIL、BYDAY、WKST）"));
            }
        }

        if (weekly is null)
        {
            throw new ImportRefusal(line.Line, new("RRULE has no FREQ", "RRULE 没有 FREQ"));
        }

        if (count is not null && until is not null)
        {
            throw new ImportRefusal(line.Line, new("RRULE has both COUNT and UNTIL (RFC 5545 allows one)", "RRULE 同时有 COUNT 和 UNTIL（RFC 5545 只允许其一）"));
        }

        return new RecurrenceRule(weekly.Value, interval, count, until, byDay.Distinct().ToList(), weekStart);
    }

    private static int Number(IcsContentLine line, string key, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ImportRefusal(line.Line, new(
                string.Create(CultureInfo.InvariantCulture, $"RRULE {key}={value} is not a whole number from {min} to {max}"),
                string.Create(CultureInfo.InvariantCulture, $"RRULE {key}={value} 不是 {min} 到 {max} 之间的整数")));
}
