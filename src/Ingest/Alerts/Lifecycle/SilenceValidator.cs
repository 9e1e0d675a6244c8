using System.Globalization;

namespace LiveRoom.Ingest.Alerts.Lifecycle;

/// <summary>Refuses a silence that would mute forever or never (issue 7, "Bad input").</summary>
public static class SilenceValidator
{
    /// <summary>Longest silence: 90 days (a recurring maintenance window is renewed by an admin).</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(90);

    public static List<string> Check(Silence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var failures = new List<string>();
        if (silence.EndsAt == default || silence.EndsAt == DateTimeOffset.MaxValue)
        {
            failures.Add($"silence '{silence.Id}' has no expiry; set endsAt (at most {MaxLength.TotalDays.ToString(CultureInfo.InvariantCulture)} days after startsAt)");
        }
        else if (silence.EndsAt <= silence.StartsAt || silence.EndsAt - silence.StartsAt > MaxLength)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"silence '{silence.Id}': endsAt {silence.EndsAt:O} must be after startsAt {silence.StartsAt:O} and at most {MaxLength.TotalDays} days later"));
        }

        if (string.IsNullOrWhiteSpace(silence.CreatedBy))
        {
            failures.Add($"silence '{silence.Id}': createdBy must name who set it");
        }

        if ((silence.DailyStart is null) != (silence.DailyDuration is null))
        {
            failures.Add($"silence '{silence.Id}': a maintenance window needs both dailyStart and dailyDuration");
        }

        if (silence.DailyDuration is { } d && (d <= TimeSpan.Zero || d > TimeSpan.FromDays(1)))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"silence '{silence.Id}': dailyDuration {d} must be 00:00:01–1.00:00:00"));
        }

        return failures;
    }
}
