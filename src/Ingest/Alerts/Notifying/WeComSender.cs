using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>WeCom (企业微信) group robot: markdown message; errcode 45009 is its rate limit (20 a minute).</summary>
public sealed class WeComSender(string name, Uri url, HttpClient http, NoticeLanguage language = NoticeLanguage.English) : INotificationSender
{
    public const int TooFast = 45009;

    public string Name => name;

    public async Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        // WeCom markdown can only mention by WeCom user id (<@userid>), which the rota does not hold; the names are listed.
        var text = NotificationText.Markdown(notice, mentions: false, language);
        if (notice.Recipients.Count > 0 && notice.Kind != NoticeKind.Test) // a test's text names them already
        {
            text += "\n" + NotificationText.OnDuty(notice.Recipients.Select(r => r.Name), language);
        }

        var body = new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = text } };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        await RobotReply.CheckAsync(response, "errcode", "errmsg", [TooFast], cancellationToken).ConfigureAwait(false);
    }
}
