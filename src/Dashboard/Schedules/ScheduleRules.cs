using System.Globalization;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Text;
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

    public static LocalText? CheckId(LocalText what, string? id) =>
        Identifier.Check(id) is { } reason ? new($"{what.English} id: {reason.English}", $"{what.Chinese}标识：{reason.Chinese}") : null;

    public static LocalText? CheckText(LocalText what, string? text, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? new($"{what.English} is empty", $"{what.Chinese}为空") : null;
        }

        if (text.Length > max)
        {
            return new(
                string.Create(CultureInfo.InvariantCulture, $"{what.English} is {text.Length} characters; at most {max} are allowed"),
                string.Create(CultureInfo.InvariantCulture, $"{what.Chinese}有 {text.Length} 个字符，最多 {max} 个"));
        }

        return text.Any(char.IsControl) ? new($"{what.English} contains a control character", $"{what.Chinese}含有控制字符") : null;
    }

    /// <summary>Checks a show's times, title, host and profile; the room is checked by the caller.</summary>
    public static LocalText? CheckShow(DateTimeOffset? start, DateTimeOffset? end, string? title, string? host, ShowProfile? profile, DateTimeOffset now, TimeZoneInfo zone, string zoneName)
    {
        if (start is null || end is null)
        {
            return new(
                "start and end are required (ISO 8601 with an offset, e.g. 2026-11-23T14:00:00+08:00)",
                "开始和结束时间必填（ISO 8601，带时差，例如 2026-11-23T14:00:00+08:00）");
        }

        if (end <= start)
        {
            return new(
                $"end {Local(end.Value, zone)} is not after start {Local(start.Value, zone)} ({zoneName})",
                $"结束时间 {Local(end.Value, zone)} 不晚于开始时间 {Local(start.Value, zone)}（{zoneName}）");
        }

        if (end - start > MaxDuration)
        {
            var hours = (end.Value - start.Value).TotalHours;
            return new(
                string.Create(CultureInfo.InvariantCulture, $"show lasts {hours:0.#} h; at most {MaxDuration.TotalHours:0} h is allowed"),
                string.Create(CultureInfo.InvariantCulture, $"场次时长 {hours:0.#} 小时，最多 {MaxDuration.TotalHours:0} 小时"));
        }

        if (start < now)
        {
            return new(
                $"start {Local(start.Value, zone)} ({zoneName}) is in the past (now {Local(now, zone)})",
                $"开始时间 {Local(start.Value, zone)}（{zoneName}）已过去（现在 {Local(now, zone)}）");
        }

        return CheckText(Words.Title, title, MaxTitle) ?? CheckText(Words.Host, host, MaxHost, required: false) ?? CheckProfile(profile);
    }

    public static LocalText? CheckProfile(ShowProfile? p)
    {
        if (p is null)
        {
            return null;
        }

        if (p.Width is < 16 or > 8192 || p.Height is < 16 or > 8192)
        {
            return new(
                string.Create(CultureInfo.InvariantCulture, $"profile size {p.Width}x{p.Height} is out of range (16 to 8192 pixels each)"),
                string.Create(CultureInfo.InvariantCulture, $"推流规格的画面尺寸 {p.Width}x{p.Height} 超出范围（宽高各 16 到 8192 像素）"));
        }

        if (!double.IsFinite(p.Fps) || p.Fps is < 1 or > 240)
        {
            return new(
                string.Create(CultureInfo.InvariantCulture, $"profile fps {p.Fps} is out of range (1 to 240)"),
                string.Create(CultureInfo.InvariantCulture, $"推流规格的帧率 {p.Fps} 超出范围（1 到 240）"));
        }

        if (p.MinBitrate < 0 || p.MaxBitrate <= 0 || p.MinBitrate > p.MaxBitrate)
        {
            return new(
                string.Create(CultureInfo.InvariantCulture, $"profile bitrate range {p.MinBitrate}..{p.MaxBitrate} bit/s is not a range of non-negative numbers with min ≤ max"),
                string.Create(CultureInfo.InvariantCulture, $"推流规格的码率范围 {p.MinBitrate}..{p.MaxBitrate} bit/s 无效：须为非负数且最小值 ≤ 最大值"));
        }

        return null;
    }

    /// <summary>The conflict in words, naming both shows (title and times in the site's zone).</summary>
    public static LocalText Describe(ShowConflict conflict, TimeZoneInfo zone, string zoneName, Func<ShowRecord, LocalText>? label = null)
    {
        label ??= _ => new(string.Empty, string.Empty);
        var incoming = conflict.Incoming;
        var existing = conflict.Existing;
        var (a, b) = (label(incoming), label(existing));
        var incomingTimes = TimeZones.Describe(incoming.Start, incoming.End, zone, zoneName);
        var existingTimes = TimeZones.Describe(existing.Start, existing.End, zone, zoneName);
        var other = conflict.ExistingIsStored ? new LocalText("the scheduled show", "已排期的场次") : new LocalText("show", "场次");
        return new(
            $"{a.English}'{incoming.Title}' ({incomingTimes}) overlaps {other.English} {b.English}'{existing.Title}' ({existingTimes}) in room {incoming.Room}",
            $"{a.Chinese}“{incoming.Title}”（{incomingTimes}）与{other.Chinese} {b.Chinese}“{existing.Title}”（{existingTimes}）在直播间 {incoming.Room} 时间重叠");
    }

    private static string Local(DateTimeOffset t, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
