using System.Globalization;
using System.Text;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// The words of a message: room, what, measured value vs threshold, since when, the show, and a link (issue 7 item 3).
/// Invariant culture; times as the site reads them, with UTC beside (<see cref="When"/>).
/// </summary>
public static class NotificationText
{
    public static string Title(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var first = notice.Alerts[0];
        var what = notice.Kind switch
        {
            NoticeKind.Resolved => "RESOLVED",
            NoticeKind.Reminder => "REMINDER",
            NoticeKind.Escalation => string.Create(CultureInfo.InvariantCulture, $"ESCALATED (level {first.EscalationLevel})"),
            _ => first.Severity.ToString().ToUpperInvariant(),
        };
        return notice.Alerts.Count == 1
            ? $"[{what}] {first.Site}/{first.Room}: {first.Title}"
            : string.Create(CultureInfo.InvariantCulture, $"[{what}] {notice.GroupKey}: {notice.Alerts.Count} alerts");
    }

    public static string Measured(AlertSnapshot a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Operator switch
        {
            RuleOperator.Below => string.Create(CultureInfo.InvariantCulture, $"{Num(a.Value)} < {Num(a.Threshold)}"),
            RuleOperator.Above => string.Create(CultureInfo.InvariantCulture, $"{Num(a.Value)} > {Num(a.Threshold)}"),
            RuleOperator.IsTrue => "yes",
            RuleOperator.IsFalse => "no",
            RuleOperator.Offline => "offline",
            RuleOperator.Absent => string.Create(CultureInfo.InvariantCulture, $"no data for {Num(a.Value)} s (limit {Num(a.Threshold)} s)"),
            _ => a.Value is null ? "event" : string.Create(CultureInfo.InvariantCulture, $"value {Num(a.Value)}"),
        };
    }

    /// <summary>Markdown body (DingTalk, WeCom, Feishu and the e-mail's text part).</summary>
    public static string Markdown(AlertNotice notice, bool mentions = true)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var sb = new StringBuilder();
        sb.Append("### ").Append(Title(notice)).Append("\n\n");
        foreach (var a in notice.Alerts)
        {
            sb.Append("- **").Append(a.Site).Append('/').Append(a.Room).Append("** ").Append(a.Title)
              .Append(": ").Append(Measured(a))
              .Append(", since ").Append(When(a.Since, a.TimeZone));
            if (a.Show is not null)
            {
                sb.Append(", show ").Append(a.Show);
            }

            if (a.AcknowledgedBy is not null)
            {
                sb.Append(", acknowledged by ").Append(a.AcknowledgedBy);
            }

            if (!string.IsNullOrWhiteSpace(a.Note))
            {
                // The note of whoever acknowledged or resolved it, or the watchdog's word on which collector failed.
                sb.Append(" (").Append(a.Note.ReplaceLineEndings(" ")).Append(')');
            }

            if (notice.Links.TryGetValue(a.Id, out var link))
            {
                sb.Append(" [open](").Append(link).Append(')');
            }

            sb.Append('\n');
        }

        if (mentions)
        {
            foreach (var r in notice.Recipients.Where(r => r.Mobile is not null))
            {
                sb.Append(" @").Append(r.Mobile);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A time as the site reads it, with UTC beside it ("2026-11-23 16:55:00 Asia/Shanghai (08:55:00 UTC)"), or in UTC
    /// alone when the site's zone is unknown (an edge that has not said it) or not one this machine knows.
    /// </summary>
    public static string When(DateTimeOffset at, string? zone)
    {
        var utc = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        if (zone is null or "UTC" or "Etc/UTC" || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz))
        {
            return utc;
        }

        var local = TimeZoneInfo.ConvertTime(at, tz);
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm:ss} {zone} ({at.UtcDateTime:HH:mm:ss} UTC)");
    }

    private static string Num(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
}
