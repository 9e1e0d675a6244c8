using System.Globalization;
using System.Net;
using System.Text;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LiveRoom.Ingest.Alerts.Acknowledging;

/// <summary>
/// The small page a message links to: the alert, the camera's picture when there is one, and Acknowledge / Resolve-with-note
/// buttons (POST, token in the path). In Chinese when the phone's browser prefers Chinese (<c>Accept-Language</c>), else English.
/// </summary>
internal static class AlertPage
{
    /// <param name="token">The signed link's token (the page's forms post back to it).</param>
    /// <param name="alert">The alert, or null when the link is unknown, invalid or expired.</param>
    /// <param name="message">What the last action did, or why the link was refused (<see cref="Say(ActionResult, bool, NoticeLanguage)"/>, <see cref="Say(TokenCheck, NoticeLanguage)"/>); null: nothing to say.</param>
    /// <param name="picture">The room's camera picture nearest the alert's start, when there is one.</param>
    /// <param name="dashboard">The dashboard's base URL (<see cref="AlertOptions.DashboardUrl"/>): the page links the room's page there; null: no link.</param>
    /// <param name="language">The reader's language (<see cref="LanguageOf"/>).</param>
    /// <param name="onDuty">Who is on duty now at each level of the alert's site (<see cref="AlertAdmin.OnDuty"/>): whom an
    /// escalation would reach; null or empty: not shown.</param>
    public static string Render(
        string token, AlertSnapshot? alert, string? message, ThumbnailBook.Thumbnail? picture = null, string? dashboard = null, NoticeLanguage language = NoticeLanguage.English,
        IReadOnlyList<OnDutyLevel>? onDuty = null)
    {
        var w = PageWords.Of(language);
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"").Append(w.Lang).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
          .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(E(w.PageTitle)).Append("</title>")
          .Append("<style>body{font-family:sans-serif;margin:1em;max-width:36em}button{font-size:1.2em;padding:.5em 1em;margin:.3em 0}textarea,input{width:100%;font-size:1em}</style></head><body>");
        if (message is not null)
        {
            sb.Append("<p><strong>").Append(E(message)).Append("</strong></p>");
        }

        if (alert is null)
        {
            sb.Append("<p>").Append(E(w.UnknownAlert)).Append("</p></body></html>");
            return sb.ToString();
        }

        sb.Append("<h1>").Append(E(alert.Site)).Append('/').Append(E(alert.Room)).Append(w.Colon).Append(E(NotificationText.AlertTitle(alert, language))).Append("</h1><dl>")
          .Append("<dt>").Append(w.State).Append("</dt><dd>").Append(E(w.StateWord(alert.State))).Append("</dd>")
          .Append("<dt>").Append(w.Severity).Append("</dt><dd>").Append(E(w.SeverityWord(alert.Severity))).Append("</dd>")
          .Append("<dt>").Append(w.Measured).Append("</dt><dd>").Append(E(NotificationText.Measured(alert, language))).Append("</dd>")
          .Append("<dt>").Append(w.Since).Append("</dt><dd>").Append(E(NotificationText.When(alert.Since, alert.TimeZone))).Append("</dd>");
        if (alert.Show is not null)
        {
            sb.Append("<dt>").Append(w.Show).Append("</dt><dd>").Append(E(alert.Show)).Append("</dd>");
        }

        if (alert.AcknowledgedBy is not null)
        {
            sb.Append("<dt>").Append(w.AcknowledgedBy).Append("</dt><dd>").Append(E(alert.AcknowledgedBy)).Append("</dd>");
        }

        if (onDuty is { Count: > 0 })
        {
            sb.Append("<dt>").Append(w.OnDutyNow).Append("</dt><dd>").Append(E(OnDutyText(onDuty, language))).Append("</dd>");
        }

        sb.Append("</dl>");
        if (dashboard is not null)
        {
            var room = dashboard.TrimEnd('/') + "/room.html?site=" + Uri.EscapeDataString(alert.Site) + "&room=" + Uri.EscapeDataString(alert.Room);
            sb.Append("<p><a href=\"").Append(E(room)).Append("\">").Append(E(w.RoomPage)).Append("</a>").Append(E(w.RoomPageWhat)).Append("</p>");
        }

        if (picture is not null)
        {
            var taken = NotificationText.When(DateTimeOffset.FromUnixTimeMilliseconds(picture.Ts), alert.TimeZone);
            sb.Append("<figure><img src=\"/alerts/").Append(WebUtility.UrlEncode(token)).Append("/picture.jpg\" alt=\"").Append(E(w.PictureAlt)).Append(' ')
              .Append(E(alert.Room)).Append("\" style=\"max-width:100%\"><figcaption>").Append(E(string.Format(CultureInfo.InvariantCulture, w.Camera, taken, picture.Reason)))
              .Append("</figcaption></figure>");
        }

        if (alert.State is AlertState.Firing or AlertState.Acknowledged)
        {
            var t = WebUtility.UrlEncode(token);
            sb.Append("<form method=\"post\" action=\"/alerts/").Append(t).Append("/ack\"><label>").Append(E(w.YourName)).Append(" <input name=\"who\" required maxlength=\"100\"></label>")
              .Append("<label>").Append(E(w.Note)).Append(" <textarea name=\"note\" maxlength=\"2000\"></textarea></label>")
              .Append("<button type=\"submit\">").Append(E(NotificationText.AcknowledgeButton(language))).Append("</button> ")
              .Append("<button type=\"submit\" formaction=\"/alerts/").Append(t).Append("/resolve\">").Append(E(w.Resolve)).Append("</button></form>");
        }

        sb.Append("</body></html>");
        return sb.ToString();
    }

    /// <summary>Chinese when the browser's first language with a non-zero weight is Chinese (a phone set to Chinese), else English.</summary>
    /// <summary>"Level 0: wang; Level 1: li (cover)" / "级别 0：王工；级别 1：李工（代班）" — a level with nobody says so.</summary>
    internal static string OnDutyText(IReadOnlyList<OnDutyLevel> levels, NoticeLanguage language)
    {
        var zh = language == NoticeLanguage.Chinese;
        return string.Join(zh ? "；" : "; ", levels.Select(l => string.Create(CultureInfo.InvariantCulture, $"{(zh ? "级别 " : "Level ")}{l.Level}{(zh ? "：" : ": ")}")
            + (l.People.Count == 0 ? (zh ? "无人" : "nobody")
                : string.Join(zh ? "、" : ", ", l.People.Select(p => p.Name + (p.Cover ? (zh ? "（代班）" : " (cover)") : string.Empty))))));
    }

    public static NoticeLanguage LanguageOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var first = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault();
        return first is not null && first.Value.Value?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? NoticeLanguage.Chinese : NoticeLanguage.English;
    }

    /// <summary>What an acknowledgement or resolution did.</summary>
    public static string Say(ActionResult result, bool resolve, NoticeLanguage language)
    {
        var w = PageWords.Of(language);
        return result switch
        {
            ActionResult.Done => resolve ? w.Resolved : w.Acknowledged,
            ActionResult.AlreadyDone => w.AlreadyAcknowledged,
            ActionResult.AlreadyResolved => w.AlreadyResolved,
            ActionResult.NotFiring => w.NotFiring,
            _ => w.Unknown,
        };
    }

    /// <summary>Why a link was refused.</summary>
    public static string Say(TokenCheck check, NoticeLanguage language) => language == NoticeLanguage.Chinese
        ? check switch { TokenCheck.Expired => "链接已过期", TokenCheck.BadSignature => "链接签名无效", _ => "链接格式错误" }
        : "Link " + check.ToString().ToLowerInvariant();

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private sealed record PageWords(
        string Lang, string PageTitle, string UnknownAlert, string Colon, string State, string Severity, string Measured, string Since, string Show,
        string AcknowledgedBy, string RoomPage, string RoomPageWhat, string PictureAlt, string Camera, string YourName, string Note,
        string Resolve, string Resolved, string Acknowledged, string AlreadyAcknowledged, string AlreadyResolved,
        string NotFiring, string Unknown, string OnDutyNow, string[] States, string[] Severities)
    {
        private static readonly PageWords English = new(
            "en", "LiveRoom alert", "This alert is unknown (or the link is invalid or expired).", ": ", "State", "Severity", "Measured", "Since", "Show",
            "Acknowledged by", "Room page in the dashboard", " (charts, pictures, checklist)", "camera picture of", "Camera at {0} ({1})", "Your name", "Note",
            "Resolve with note", "Resolved. Thank you.", "Acknowledged. Reminders and escalation stop.", "Already acknowledged.", "This alert is already resolved.",
            "This alert has not fired yet.", "Unknown alert.", "On duty now", ["Pending", "Firing", "Acknowledged", "Resolved"], ["Info", "Warning", "Critical"]);

        private static readonly PageWords Chinese = new(
            "zh-CN", "LiveRoom 告警", "未找到此告警（或链接无效、已过期）。", "：", "状态", "级别", "测量值", "开始于", "场次",
            "确认人", "看板中的直播间页面", "（图表、画面、检查清单）", "摄像头画面", "摄像头画面 {0}（{1}）", "您的姓名", "备注",
            "填写备注并解决", "已解决，谢谢。", "已确认，提醒与升级停止。", "已被确认。", "此告警已解决。",
            "此告警尚未触发。", "未知告警。", "当前值班", ["待触发", "告警中", "已确认", "已解决"], ["提示", "警告", "严重"]);

        public static PageWords Of(NoticeLanguage language) => language == NoticeLanguage.Chinese ? Chinese : English;

        public string StateWord(AlertState state) => States[(int)state];

        public string SeverityWord(AlertSeverity severity) => Severities[(int)severity];
    }
}
