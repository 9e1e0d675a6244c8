using System.Globalization;
using LiveRoom.Contracts.Text;

namespace LiveRoom.Ingest.Alerts.Lifecycle;

/// <summary>Refuses a silence that would mute forever or never (issue 7, "Bad input").</summary>
public static class SilenceValidator
{
    /// <summary>Longest silence: 90 days (a recurring maintenance window is renewed by an admin).</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(90);

    public static List<LocalText> Check(Silence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var failures = new List<LocalText>();
        var id = silence.Id;
        var days = MaxLength.TotalDays.ToString(CultureInfo.InvariantCulture);
        if (silence.EndsAt == default || silence.EndsAt == DateTimeOffset.MaxValue)
        {
            failures.Add(new(
                $"silence '{id}' has no expiry; set endsAt (at most {days} days after startsAt)",
                $"静默“{id}”没有结束时间；请设置 endsAt（最多在 startsAt 之后 {days} 天）"));
        }
        else if (silence.EndsAt <= silence.StartsAt || silence.EndsAt - silence.StartsAt > MaxLength)
        {
            failures.Add(new(
                string.Create(CultureInfo.InvariantCulture, $"silence '{id}': endsAt {silence.EndsAt:O} must be after startsAt {silence.StartsAt:O} and at most {days} days later"),
                string.Create(CultureInfo.InvariantCulture, $"静默“{id}”：结束时间 {silence.EndsAt:O} 必须晚于开始时间 {silence.StartsAt:O}，且最多晚 {days} 天")));
        }

        if (string.IsNullOrWhiteSpace(silence.CreatedBy))
        {
            failures.Add(new($"silence '{id}': createdBy must name who set it", $"静默“{id}”：createdBy 必须写明设置人"));
        }

        if ((silence.DailyStart is null) != (silence.DailyDuration is null))
        {
            failures.Add(new($"silence '{id}': a maintenance window needs both dailyStart and dailyDuration", $"静默“{id}”：维护时段需要同时设置 dailyStart 和 dailyDuration"));
        }

        if (silence.DailyDuration is { } d && (d <= TimeSpan.Zero || d > TimeSpan.FromDays(1)))
        {
            failures.Add(new(
                string.Create(CultureInfo.InvariantCulture, $"silence '{id}': dailyDuration {d} must be 00:00:01–1.00:00:00"),
                string.Create(CultureInfo.InvariantCulture, $"静默“{id}”：每日时长 {d} 必须在 00:00:01–1.00:00:00 之间")));
        }

        return failures;
    }
}
