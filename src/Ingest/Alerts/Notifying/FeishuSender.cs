using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// Feishu/Lark custom bot: interactive card (header, markdown, a button to the acknowledgement page), signed with
/// <see cref="RobotSignature.Feishu"/> in the body. code 11232 is its rate limit; 19021 a bad signature.
/// </summary>
public sealed class FeishuSender(string name, Uri url, string? secret, HttpClient http, TimeProvider time, NoticeLanguage language = NoticeLanguage.English) : INotificationSender
{
    public const int TooFast = 11232;

    public string Name => name;

    public async Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var elements = new JsonArray { new JsonObject { ["tag"] = "markdown", ["content"] = NotificationText.Markdown(notice, mentions: false, language) } };
        if (notice.Links.Count > 0)
        {
            elements.Add(new JsonObject
            {
                ["tag"] = "action",
                ["actions"] = new JsonArray(notice.Links.Take(5).Select(l => (JsonNode?)new JsonObject
                {
                    ["tag"] = "button",
                    ["text"] = new JsonObject { ["tag"] = "plain_text", ["content"] = NotificationText.AcknowledgeButton(language) },
                    ["type"] = "primary",
                    ["url"] = l.Value,
                }).ToArray()),
            });
        }

        var body = new JsonObject();
        if (!string.IsNullOrEmpty(secret))
        {
            var ts = time.GetUtcNow().ToUnixTimeSeconds();
            body["timestamp"] = ts.ToString(CultureInfo.InvariantCulture);
            body["sign"] = RobotSignature.Feishu(ts, secret);
        }

        body["msg_type"] = "interactive";
        body["card"] = new JsonObject
        {
            ["header"] = new JsonObject
            {
                ["title"] = new JsonObject { ["tag"] = "plain_text", ["content"] = NotificationText.Title(notice, language) },
                ["template"] = notice.Kind switch { NoticeKind.Resolved => "green", NoticeKind.Test => "blue", _ => "red" },
            },
            ["elements"] = elements,
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        await RobotReply.CheckAsync(response, "code", "msg", [TooFast], cancellationToken).ConfigureAwait(false);
    }
}
