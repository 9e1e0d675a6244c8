using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LiveRoom.Contracts.Notices;
using LiveRoom.Ingest.Alerts.Lifecycle;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// Generic webhook: POST of the notice as JSON with an <c>Idempotency-Key</c> header (and <c>idempotencyKey</c> field)
/// that stays the same across retries, so at-least-once delivery never shows twice. 2xx is success; 408/429/5xx and
/// timeouts are retried; other 4xx are permanent. With a <paramref name="secret"/>, each attempt is signed so the
/// receiver can tell the collector from anyone who learnt the URL (docs/operations/webhook.md, "Verifying the sender"):
/// <c>X-LiveRoom-Timestamp</c> (Unix seconds) and <c>X-LiveRoom-Signature: sha256={hex HMAC-SHA256(secret, timestamp + "." + body)}</c>.
/// </summary>
public sealed class WebhookSender(string name, Uri url, HttpClient http, NoticeLanguage language = NoticeLanguage.English, string? secret = null, TimeProvider? time = null) : INotificationSender
{
    public string Name => name;

    public async Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var body = Json(notice, language).ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Idempotency-Key", notice.IdempotencyKey);
        if (!string.IsNullOrEmpty(secret))
        {
            // Per attempt: a retry carries its own time, so a receiver may refuse old replays.
            var timestamp = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await RobotReply.CheckAsync(response, "", "", [], cancellationToken).ConfigureAwait(false);
    }

    public static JsonObject Json(AlertNotice notice, NoticeLanguage language = NoticeLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var alerts = new JsonArray();
        foreach (var a in notice.Alerts)
        {
            alerts.Add(Alert(a, notice.Links.GetValueOrDefault(a.Id), language));
        }

        var json = new JsonObject
        {
            ["idempotencyKey"] = notice.IdempotencyKey,
            ["kind"] = notice.Kind.ToString().ToLowerInvariant(),
            ["group"] = notice.GroupKey,
            ["title"] = NotificationText.Title(notice, language),
            ["createdAt"] = Time(notice.CreatedAt),
            ["recipients"] = new JsonArray(notice.Recipients.Select(r => (JsonNode?)new JsonObject { ["name"] = r.Name, ["level"] = r.Level }).ToArray()),
            ["alerts"] = alerts,
        };
        if (notice.SentBy is { } by)
        {
            // A test notice names who sent it (the robots' text says so too).
            json["sentBy"] = by;
        }

        return json;
    }

    // Words in the channel's language, like the notice's title; "rule" is the id to match on.
    private static JsonObject Alert(AlertSnapshot a, string? link, NoticeLanguage language) => new()
    {
        ["id"] = a.Id,
        ["rule"] = a.RuleId,
        ["title"] = NotificationText.AlertTitle(a, language),
        ["severity"] = a.Severity.ToString().ToLowerInvariant(),
        ["state"] = a.State.ToString().ToLowerInvariant(),
        ["site"] = a.Site,
        ["room"] = a.Room,
        ["value"] = a.Value,
        ["threshold"] = a.Threshold,
        ["measured"] = NotificationText.Measured(a, language),
        ["since"] = Time(a.Since),
        ["firedAt"] = a.FiredAt is { } f ? Time(f) : null,
        ["show"] = a.Show,
        // The site's zone (IANA) as the room's edge reports it, to show the UTC times above as local ones; null when unknown.
        ["timeZone"] = a.TimeZone,
        ["escalationLevel"] = a.EscalationLevel,
        // What the chat robots' text says after the value, e.g. which collector took over, or that a dashboard is back.
        ["note"] = a.Note,
        ["link"] = link,
    };

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
