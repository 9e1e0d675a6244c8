using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace LiveRoom.Demo.Notices;

/// <summary>
/// The inbox's page: newest notice first, each with its title, whom it names, and per alert severity, room, what was
/// measured, since when and the link the on-call engineer would follow; above them, the requests it refused and why.
/// Reloads every 10 s; times in the reader's zone.
/// </summary>
internal static class NoticeInboxPage
{
    // Chinese titles and names stay as they are; markup characters are encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(IReadOnlyList<ReceivedNotice> notices, (IReadOnlyList<RefusedRequest> Last, long Count) refused, string channel, bool signed)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="10"><title>LiveRoom demo: notice inbox</title>
            <style>
            body{font:15px/1.45 system-ui,sans-serif;margin:0;padding:16px;background:#111418;color:#e6e6e6}
            h1{font-size:22px;margin:0 0 6px}p.about{color:#9aa3ad;margin:0 0 16px;max-width:70em}
            article{border-left:4px solid #5a6470;background:#1b1f25;border-radius:6px;padding:8px 12px;margin:0 0 10px}
            article.firing,article.escalation{border-color:#e5534b}article.reminder{border-color:#d29922}
            article.resolved{border-color:#3fb950}article.test{border-color:#4493f8}
            .meta{color:#9aa3ad;font-size:13px}h2{font-size:16px;margin:2px 0}ul{margin:4px 0 0;padding-left:18px}
            section#refused{border:1px solid #d29922;background:#2a2212;border-radius:6px;padding:8px 12px;margin:0 0 16px}
            section#refused h2{color:#e3b341}.sev{font-weight:600}.sev.critical{color:#ff7b72}.sev.warning{color:#e3b341}.sev.info{color:#79c0ff}a{color:#79c0ff}
            </style></head><body>
            <h1>Notice inbox</h1>
            <p class="about">What the demo's webhook channel <b>{{Html.Encode(channel)}}</b> received: alerts, escalations, reminders,
            resolutions, the watchdog's notices and test notices sent from the alerts page. The collector posts here as it would to
            a studio's own webhook; <code>logs/notices.jsonl</code> keeps every one. Newest first; the page reloads every 10 s.
            {{(signed ? "Every request must be signed with the channel's secret (<code>X-LiveRoom-Signature</code>, docs/operations/webhook.md): each notice below was; one that was not is refused and listed." : "Requests are not checked for a signature: the channel has no secret.")}}</p>
            """);
        if (refused.Count > 0)
        {
            // A sender with the wrong secret, or a body the inbox cannot read: the sender's log says so too, but here is
            // where someone watching for notices looks.
            page.Append(CultureInfo.InvariantCulture, $"<section id=\"refused\"><h2>Refused {refused.Count} request{(refused.Count == 1 ? "" : "s")}</h2><ul>");
            foreach (var r in refused.Last)
            {
                page.Append(CultureInfo.InvariantCulture, $"<li>{Time(r.At)} · {r.Status} · {Html.Encode(r.Reason)}</li>");
            }

            page.Append(refused.Count > refused.Last.Count ? $"</ul><div class=\"meta\">the last {refused.Last.Count} shown</div></section>" : "</ul></section>");
        }

        if (notices.Count == 0)
        {
            page.Append("<p id=\"empty\">No notice yet. Send a test notice from the dashboard's alerts page to see one arrive.</p>");
        }

        foreach (var n in notices)
        {
            page.Append(CultureInfo.InvariantCulture, $"<article class=\"{Html.Encode(n.Kind)}\" data-kind=\"{Html.Encode(n.Kind)}\">");
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"meta\">{Time(n.ReceivedAt)} · {Html.Encode(n.Kind)}");
            if (n.Body["sentBy"] is not null)
            {
                page.Append(CultureInfo.InvariantCulture, $" · sent by {Html.Encode(ReceivedNotice.Text(n.Body["sentBy"]))}");
            }

            if (n.Deliveries > 1)
            {
                page.Append(CultureInfo.InvariantCulture, $" · delivered {n.Deliveries} times (retries), shown once");
            }

            page.Append(CultureInfo.InvariantCulture, $"</div><h2>{Html.Encode(n.Title)}</h2><div class=\"meta\">to {Html.Encode(n.Recipients)}</div>");
            var alerts = (n.Body["alerts"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            if (alerts.Count > 0)
            {
                page.Append("<ul>");
                foreach (var a in alerts)
                {
                    page.Append(Alert(a));
                }

                page.Append("</ul>");
            }

            page.Append("</article>");
        }

        page.Append("""
            <script>for (const t of document.querySelectorAll("time")) t.textContent = new Date(t.dateTime).toLocaleString();</script>
            </body></html>
            """);
        return page.ToString();
    }

    private static string Alert(JsonObject a)
    {
        string F(string name) => Html.Encode(ReceivedNotice.Text(a[name]));
        var line = new StringBuilder("<li>");
        line.Append(CultureInfo.InvariantCulture, $"<span class=\"sev {F("severity")}\">{F("severity")}</span> · {F("site")}/{F("room")} · {F("title")} · {F("measured")}");
        if (DateTimeOffset.TryParse(ReceivedNotice.Text(a["since"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            line.Append(CultureInfo.InvariantCulture, $" · since {Time(since)}");
        }

        if (a["note"] is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $" · {F("note")}");
        }

        // Only a web address becomes a link: the page shows what arrived, and a javascript: URL is not one.
        if (Uri.TryCreate(ReceivedNotice.Text(a["link"]), UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps))
        {
            line.Append(CultureInfo.InvariantCulture, $" · <a href=\"{Html.Encode(link.AbsoluteUri)}\">open</a>");
        }

        return line.Append("</li>").ToString();
    }

    private static string Time(DateTimeOffset t)
    {
        var iso = t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return $"<time datetime=\"{iso}\">{iso}</time>";
    }
}
