using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// DingTalk custom robot: markdown message with @mobile of the people on duty, signed with <see cref="RobotSignature.DingTalk"/>
/// (<c>&amp;timestamp=…&amp;sign=…</c> appended to the webhook URL). errcode 130101 ("send too fast") is a rate limit.
/// </summary>
public sealed class DingTalkSender(string name, string url, string? secret, HttpClient http, TimeProvider time, NoticeLanguage language = NoticeLanguage.English) : INotificationSender
{
    /// <summary>DingTalk's "send too fast, exceed 20 times per minute".</summary>
    public const int TooFast = 130101;

    public string Name => name;

    public async Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var target = url;
        if (!string.IsNullOrEmpty(secret))
        {
            var ts = time.GetUtcNow().ToUnixTimeMilliseconds();
            target += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?")
                + "timestamp=" + ts.ToString(CultureInfo.InvariantCulture) + "&sign=" + Uri.EscapeDataString(RobotSignature.DingTalk(ts, secret));
        }

        var body = new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["title"] = NotificationText.Title(notice, language), ["text"] = NotificationText.Markdown(notice, language: language) },
            ["at"] = new JsonObject
            {
                ["atMobiles"] = new JsonArray(notice.Recipients.Where(r => r.Mobile is not null).Select(r => (JsonNode?)r.Mobile).ToArray()),
                ["isAtAll"] = false,
            },
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await http.PostAsync(new Uri(target), content, cancellationToken).ConfigureAwait(false);
        await RobotReply.CheckAsync(response, "errcode", "errmsg", [TooFast], cancellationToken).ConfigureAwait(false);
    }
}
