using System.Globalization;
using System.Net;
using System.Text;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;

namespace LiveRoom.Ingest.Alerts.Acknowledging;

/// <summary>The small page a message links to: the alert, the camera's picture when there is one, and Acknowledge / Resolve-with-note buttons (POST, token in the path).</summary>
internal static class AlertPage
{
    /// <param name="token">The signed link's token (the page's forms post back to it).</param>
    /// <param name="alert">The alert, or null when the link is unknown, invalid or expired.</param>
    /// <param name="message">What the last action did, or why the link was refused; null: nothing to say.</param>
    /// <param name="picture">The room's camera picture nearest the alert's start, when there is one.</param>
    /// <param name="dashboard">The dashboard's base URL (<see cref="AlertOptions.DashboardUrl"/>): the page links the room's page there; null: no link.</param>
    public static string Render(string token, AlertSnapshot? alert, string? message, ThumbnailBook.Thumbnail? picture = null, string? dashboard = null)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
          .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>LiveRoom alert</title>")
          .Append("<style>body{font-family:sans-serif;margin:1em;max-width:36em}button{font-size:1.2em;padding:.5em 1em;margin:.3em 0}textarea,input{width:100%;font-size:1em}</style></head><body>");
        if (message is not null)
        {
            sb.Append("<p><strong>").Append(E(message)).Append("</strong></p>");
        }

        if (alert is null)
        {
            sb.Append("<p>This alert is unknown (or the link is invalid or expired).</p></body></html>");
            return sb.ToString();
        }

        sb.Append("<h1>").Append(E(alert.Site)).Append('/').Append(E(alert.Room)).Append(": ").Append(E(alert.Title)).Append("</h1><dl>")
          .Append("<dt>State</dt><dd>").Append(E(alert.State.ToString())).Append("</dd>")
          .Append("<dt>Severity</dt><dd>").Append(E(alert.Severity.ToString())).Append("</dd>")
          .Append("<dt>Measured</dt><dd>").Append(E(NotificationText.Measured(alert))).Append("</dd>")
          .Append("<dt>Since</dt><dd>").Append(E(NotificationText.When(alert.Since, alert.TimeZone))).Append("</dd>");
        if (alert.Show is not null)
        {
            sb.Append("<dt>Show</dt><dd>").Append(E(alert.Show)).Append("</dd>");
        }

        if (alert.AcknowledgedBy is not null)
        {
            sb.Append("<dt>Acknowledged by</dt><dd>").Append(E(alert.AcknowledgedBy)).Append("</dd>");
        }

        sb.Append("</dl>");
        if (dashboard is not null)
        {
            var room = dashboard.TrimEnd('/') + "/room.html?site=" + Uri.EscapeDataString(alert.Site) + "&room=" + Uri.EscapeDataString(alert.Room);
            sb.Append("<p><a href=\"").Append(E(room)).Append("\">Room page in the dashboard</a> (charts, pictures, checklist)</p>");
        }

        if (picture is not null)
        {
            var taken = NotificationText.When(DateTimeOffset.FromUnixTimeMilliseconds(picture.Ts), alert.TimeZone);
            sb.Append("<figure><img src=\"/alerts/").Append(WebUtility.UrlEncode(token)).Append("/picture.jpg\" alt=\"camera picture of ")
              .Append(E(alert.Room)).Append("\" style=\"max-width:100%\"><figcaption>Camera at ").Append(E(taken)).Append(" (")
              .Append(E(picture.Reason)).Append(")</figcaption></figure>");
        }

        if (alert.State is AlertState.Firing or AlertState.Acknowledged)
        {
            var t = WebUtility.UrlEncode(token);
            sb.Append("<form method=\"post\" action=\"/alerts/").Append(t).Append("/ack\"><label>Your name <input name=\"who\" required maxlength=\"100\"></label>")
              .Append("<label>Note <textarea name=\"note\" maxlength=\"2000\"></textarea></label>")
              .Append("<button type=\"submit\">Acknowledge</button> ")
              .Append("<button type=\"submit\" formaction=\"/alerts/").Append(t).Append("/resolve\">Resolve with note</button></form>");
        }

        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
