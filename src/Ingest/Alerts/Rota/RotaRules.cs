using System.Globalization;
using LiveRoom.Contracts.Text;

namespace LiveRoom.Ingest.Alerts.Rota;

/// <summary>Refuses rota entries that cannot route an alert, with a message naming the entry and what is wrong with it.</summary>
public static class RotaRules
{
    public static IEnumerable<LocalText> Check(IReadOnlyList<RotaEntry> entries)
    {
        foreach (var e in entries)
        {
            var who = new LocalText($"rota entry '{e.Name}' of site '{e.Site}'", $"值班表中站点“{e.Site}”的“{e.Name}”");
            if (string.IsNullOrWhiteSpace(e.Site) || string.IsNullOrWhiteSpace(e.Name) || e.Level is < 0 or > 9)
            {
                yield return Say(who, "site and name must be set and level 0–9", "站点和姓名必填，级别为 0–9");
            }

            if (e.From.HasValue != e.To.HasValue)
            {
                yield return Say(who, "a shift needs both its start and its end (or neither, for always)", "班次须同时填写开始和结束时间（都不填表示全天）");
            }

            if (e.From is { } from && from == e.To)
            {
                var at = from.ToString("HH:mm", CultureInfo.InvariantCulture);
                yield return Say(who, $"the shift starts and ends at {at}", $"班次开始和结束时间相同（{at}）");
            }

            if (e.FirstDate is { } first && e.LastDate is { } last && last < first)
            {
                yield return Say(who, $"the last date {Date(last)} is before the first {Date(first)}", $"结束日期 {Date(last)} 早于开始日期 {Date(first)}");
            }

            if (e.Cover && (e.FirstDate is null || e.LastDate is null))
            {
                yield return Say(who, "a cover needs its first and last date (it stands in for the weekly rota only on those)", "代班须填写开始和结束日期（只在这些日期内代替每周值班）");
            }

            if (e.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                yield return Say(who, $"time zone '{zone}' is not known (an IANA id such as Asia/Shanghai)", $"时区“{zone}”无法识别（应为 IANA 时区，如 Asia/Shanghai）");
            }
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static LocalText Say(LocalText who, string english, string chinese) => new($"{who.English}: {english}", $"{who.Chinese}：{chinese}");
}
