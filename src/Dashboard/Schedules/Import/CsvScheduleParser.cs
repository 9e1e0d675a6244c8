using System.Globalization;
using System.Text.RegularExpressions;
using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>
/// Reads a CSV schedule: header <c>room,start,end,title,host[,width,height,fps,min_bitrate,max_bitrate]</c>, times in
/// ISO 8601 with an offset (or Z), or without one in the site's zone. The first bad line refuses the whole file, by its
/// number; a line in the past is bad (a CSV file is a plan, not a history). An optional <c>uid</c> column, anywhere in
/// the header, names each row's booking (unique, non-empty): a re-import updates the show of that uid in place.
/// </summary>
internal static partial class CsvScheduleParser
{
    public static readonly string[] Header = ["room", "start", "end", "title", "host"];
    public static readonly string[] ProfileHeader = ["width", "height", "fps", "min_bitrate", "max_bitrate"];
    public const string UidColumn = "uid";

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static ParsedSchedule Parse(string text, TimeZoneInfo siteZone, string zoneName, DateTimeOffset now)
    {
        try
        {
            var shows = new List<ImportedShow>();
            var withProfile = false;
            var uidIndex = -1;
            var first = true;
            var uidLines = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (line, fields) in CsvRecords.Read(text))
            {
                if (first)
                {
                    (withProfile, uidIndex) = CheckHeader(line, fields);
                    first = false;
                    continue;
                }

                var expected = (withProfile ? 10 : 5) + (uidIndex < 0 ? 0 : 1);
                if (fields.Count != expected)
                {
                    throw new ImportRefusal(line, new(
                        string.Create(CultureInfo.InvariantCulture, $"{fields.Count} fields; the header has {expected}"),
                        string.Create(CultureInfo.InvariantCulture, $"有 {fields.Count} 个字段，表头有 {expected} 个")));
                }

                string? key = null;
                if (uidIndex >= 0)
                {
                    var uid = fields[uidIndex].Trim();
                    fields.RemoveAt(uidIndex);
                    if (ScheduleRules.CheckText(new(UidColumn, UidColumn), uid, ScheduleRules.MaxTitle) is { } problem)
                    {
                        throw new ImportRefusal(line, problem.Append(new(" (with a uid column, every row names its booking)", "（有 uid 列时，每一行都要写明它的预订编号）")));
                    }

                    if (!uidLines.TryAdd(uid, line))
                    {
                        throw new ImportRefusal(line, new(
                            string.Create(CultureInfo.InvariantCulture, $"uid '{uid}' is already used on line {uidLines[uid]}; each row needs its own"),
                            string.Create(CultureInfo.InvariantCulture, $"uid“{uid}”已在第 {uidLines[uid]} 行使用；每一行需要自己的 uid")));
                    }

                    key = SourceKeys.Csv(uid);
                }

                shows.Add(Row(line, fields, withProfile, siteZone, zoneName, now) with { SourceKey = key });
            }

            return first
                ? ParsedSchedule.Refused(ImportRefusal.At(1, new(
                    "the file is empty; the first line must be the header " + string.Join(',', Header),
                    "文件为空；第一行必须是表头 " + string.Join(',', Header))))
                : new ParsedSchedule(shows, null);
        }
        catch (ImportRefusal ex)
        {
            return ParsedSchedule.Refused(ex.Text);
        }
    }

    /// <summary>Whether the profile columns follow, and where the uid column is (-1: none).</summary>
    private static (bool WithProfile, int UidIndex) CheckHeader(int line, List<string> fields)
    {
        var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var uidIndex = names.IndexOf(UidColumn);
        if (uidIndex >= 0 && names.LastIndexOf(UidColumn) == uidIndex)
        {
            names.RemoveAt(uidIndex);
        }

        if (names.SequenceEqual(Header))
        {
            return (false, uidIndex);
        }

        if (names.SequenceEqual(Header.Concat(ProfileHeader)))
        {
            return (true, uidIndex);
        }

        throw new ImportRefusal(line, new(
            $"the header is '{string.Join(',', fields)}'; expected {string.Join(',', Header)} optionally followed by ,{string.Join(',', ProfileHeader)}, and optionally a {UidColumn} column",
            $"表头是“{string.Join(',', fields)}”；应为 {string.Join(',', Header)}，后面可接 ,{string.Join(',', ProfileHeader)}，还可有一列 {UidColumn}"));
    }

    private static ImportedShow Row(int line, List<string> fields, bool withProfile, TimeZoneInfo zone, string zoneName, DateTimeOffset now)
    {
        var room = fields[0].Trim();
        var start = Time(line, "start", fields[1], zone);
        var end = Time(line, "end", fields[2], zone);
        var title = OneLine(fields[3]);
        var host = OneLine(fields[4]);
        var profile = withProfile ? Profile(line, fields) : null;
        if (ScheduleRules.CheckShow(start, end, title, host, profile, now, zone, zoneName) is { } problem)
        {
            throw new ImportRefusal(line, problem);
        }

        return new ImportedShow(line, room, start, end, title, host, profile);
    }

    /// <summary>A quoted line break in a title becomes a space (a show title is one line on a door sign).</summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static DateTimeOffset Time(int line, string column, string value, TimeZoneInfo zone)
    {
        var text = value.Trim();
        if (OffsetSuffix().IsMatch(text))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && text.Length >= 16 && text[4] == '-')
            {
                return withOffset.ToUniversalTime();
            }
        }
        else if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return TimeZones.ToUtc(local, zone);
        }

        throw new ImportRefusal(line, new(
            $"{column} '{text}' is not an ISO 8601 time (e.g. 2026-11-23T14:00:00+08:00, or 2026-11-23 14:00 in the site's zone)",
            $"{column} 列的“{text}”不是 ISO 8601 时间（例如 2026-11-23T14:00:00+08:00，或按站点时区写 2026-11-23 14:00）"));
    }

    private static ShowProfile? Profile(int line, List<string> fields)
    {
        var cells = fields.Skip(5).Select(f => f.Trim()).ToList();
        if (cells.All(c => c.Length == 0))
        {
            return null;
        }

        var defaults = new ShowProfile();
        return new ShowProfile
        {
            Width = cells[0].Length == 0 ? defaults.Width : (int)Number(line, "width", cells[0]),
            Height = cells[1].Length == 0 ? defaults.Height : (int)Number(line, "height", cells[1]),
            Fps = cells[2].Length == 0 ? defaults.Fps : Number(line, "fps", cells[2]),
            MinBitrate = cells[3].Length == 0 ? defaults.MinBitrate : (long)Number(line, "min_bitrate", cells[3]),
            MaxBitrate = cells[4].Length == 0 ? defaults.MaxBitrate : (long)Number(line, "max_bitrate", cells[4]),
        };
    }

    private static double Number(int line, string column, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && n is >= 0 and <= 1e12
            ? n
            : throw new ImportRefusal(line, new($"{column} '{value}' is not a number", $"{column} 列的“{value}”不是数字"));

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();
}
