using System.Globalization;
using System.Text;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// The words of a message: room, what, measured value vs threshold, since when, the show, and a link (issue 7 item 3),
/// in the channel's language (English, or Chinese for staff who read Chinese: the shipped rule titles too,
/// <see cref="ChineseTitles"/>). Invariant culture; times as the site reads them, with UTC beside (<see cref="When"/>).
/// </summary>
public static class NotificationText
{
    public static string Title(AlertNotice notice, NoticeLanguage language = NoticeLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var w = Words.Of(language);
        if (notice.Kind == NoticeKind.Test)
        {
            return $"[{w.Test}] {notice.GroupKey}{w.Colon}{w.TestTitle}";
        }

        var first = notice.Alerts[0];
        var what = notice.Kind switch
        {
            NoticeKind.Resolved => w.Resolved,
            NoticeKind.Reminder => w.Reminder,
            NoticeKind.Escalation => string.Format(CultureInfo.InvariantCulture, w.Escalated, first.EscalationLevel),
            _ => w.Severity(first.Severity),
        };
        return notice.Alerts.Count == 1
            ? $"[{what}] {first.Site}/{first.Room}{w.Colon}{AlertTitle(first, language)}"
            : string.Format(CultureInfo.InvariantCulture, w.Several, what, notice.GroupKey, notice.Alerts.Count);
    }

    /// <summary>The alert's rule title in <paramref name="language"/>: a shipped title in Chinese, a site's own as written.</summary>
    public static string AlertTitle(AlertSnapshot a, NoticeLanguage language = NoticeLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(a);
        return language == NoticeLanguage.Chinese ? ChineseTitles.Of(a.Title) ?? a.Title : a.Title;
    }

    public static string Measured(AlertSnapshot a, NoticeLanguage language = NoticeLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(a);
        var w = Words.Of(language);
        return a.Operator switch
        {
            RuleOperator.Below => string.Create(CultureInfo.InvariantCulture, $"{Num(a.Value)} < {Num(a.Threshold)}"),
            RuleOperator.Above => string.Create(CultureInfo.InvariantCulture, $"{Num(a.Value)} > {Num(a.Threshold)}"),
            // The rule's title names the condition ("Stream down" fires on up = false): the field's own yes/no after it
            // read backwards ("Stream down: no"), so a yes/no rule says the condition was detected.
            RuleOperator.IsTrue or RuleOperator.IsFalse => w.Detected,
            RuleOperator.Offline => w.Offline,
            RuleOperator.Absent => string.Format(CultureInfo.InvariantCulture, w.NoData, Num(a.Value), Num(a.Threshold)),
            _ => a.Value is null ? w.Event : string.Format(CultureInfo.InvariantCulture, w.Value, Num(a.Value)),
        };
    }

    /// <summary>Markdown body (DingTalk, WeCom, Feishu and the e-mail's text part).</summary>
    public static string Markdown(AlertNotice notice, bool mentions = true, NoticeLanguage language = NoticeLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var w = Words.Of(language);
        var sb = new StringBuilder();
        sb.Append("### ").Append(Title(notice, language)).Append("\n\n");
        if (notice.Kind == NoticeKind.Test)
        {
            // Who asked, and whom an alert at that level would reach now: the @-mentions below are the check.
            sb.Append(string.Format(CultureInfo.InvariantCulture, w.TestBody, notice.SentBy ?? "?")).Append('\n')
              .Append(notice.Recipients.Count > 0 ? OnDuty(notice.Recipients.Select(r => r.Name), language) : w.NobodyOnDuty).Append('\n');
        }

        foreach (var a in notice.Alerts)
        {
            sb.Append("- **").Append(a.Site).Append('/').Append(a.Room).Append("** ").Append(AlertTitle(a, language))
              .Append(w.Colon).Append(Measured(a, language))
              .Append(w.Since).Append(When(a.Since, a.TimeZone));
            if (a.Show is not null)
            {
                sb.Append(w.Show).Append(a.Show);
            }

            if (a.AcknowledgedBy is not null)
            {
                sb.Append(w.AcknowledgedBy).Append(a.AcknowledgedBy);
            }

            if (!string.IsNullOrWhiteSpace(a.Note))
            {
                // The note of whoever acknowledged or resolved it, or the watchdog's word on which collector failed.
                sb.Append(w.NoteOpen).Append(a.Note.ReplaceLineEndings(" ")).Append(w.NoteClose);
            }

            if (notice.Links.TryGetValue(a.Id, out var link))
            {
                sb.Append(" [").Append(w.Open).Append("](").Append(link).Append(')');
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

    /// <summary>"On duty: …" under a message that cannot mention people (WeCom).</summary>
    public static string OnDuty(IEnumerable<string> names, NoticeLanguage language = NoticeLanguage.English) =>
        Words.Of(language).OnDuty + string.Join(", ", names);

    /// <summary>The button or link that opens the acknowledgement page.</summary>
    public static string AcknowledgeButton(NoticeLanguage language = NoticeLanguage.English) => Words.Of(language).Acknowledge;

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

    /// <summary>The fixed words of a message in one language ({0}, {1}, {2}: the values named beside each).</summary>
    private sealed record Words(
        string Resolved, string Reminder, string Escalated, string Critical, string Warning, string Info, string Several, string Colon,
        string Detected, string Offline, string NoData, string Event, string Value,
        string Since, string Show, string AcknowledgedBy, string NoteOpen, string NoteClose, string Open, string OnDuty, string Acknowledge,
        string Test, string TestTitle, string TestBody, string NobodyOnDuty)
    {
        private static readonly Words English = new(
            "RESOLVED", "REMINDER", "ESCALATED (level {0})", "CRITICAL", "WARNING", "INFO", "[{0}] {1}: {2} alerts", ": ",
            "detected", "offline", "no data for {0} s (limit {1} s)", "event", "value {0}",
            ", since ", ", show ", ", acknowledged by ", " (", ")", "open", "On duty: ", "Acknowledge",
            "TEST", "LiveRoom test notice, no action needed",
            "Sent by {0} from the alerts page to check that alert notices reach this channel. No alert is open.",
            "On duty: nobody (an alert would name nobody)");

        private static readonly Words Chinese = new(
            "已恢复", "提醒", "已升级（级别 {0}）", "严重", "警告", "提示", "[{0}] {1}：{2} 条告警", "：",
            "已检测到", "离线", "{0} 秒无数据（上限 {1} 秒）", "事件", "数值 {0}",
            "，开始于 ", "，场次 ", "，确认人 ", "（", "）", "查看", "值班：", "确认",
            "测试", "LiveRoom 测试通知，无需处理",
            "由 {0} 在告警页发送，用于确认告警通知能送达本渠道。没有未处理的告警。",
            "值班：无人（告警将不会指名任何人）");

        public static Words Of(NoticeLanguage language) => language == NoticeLanguage.Chinese ? Chinese : English;

        public string Severity(AlertSeverity severity) => severity switch
        {
            AlertSeverity.Critical => Critical,
            AlertSeverity.Warning => Warning,
            _ => Info,
        };
    }
}
