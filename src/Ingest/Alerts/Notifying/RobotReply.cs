using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// Reads a robot's reply: HTTP status, then the JSON error code (DingTalk/WeCom <c>errcode</c>, Feishu <c>code</c>). A
/// refusal that a setting causes says which one to check (<see cref="Hints"/>): the refusal reaches whoever sends a test
/// notice, who may not know the robots' codes.
/// </summary>
internal static class RobotReply
{
    /// <summary>What to check for the robots' configuration refusals (documented codes; the message text varies).</summary>
    private static readonly Dictionary<(string Field, long Code), string> Hints = new()
    {
        [("errcode", 310000)] = "DingTalk's security settings refused it: check the channel's Secret against the robot's signing secret, the robot's keywords and its IP allow list",
        [("errcode", 300001)] = "DingTalk knows no robot by the access_token in the channel's Url (removed, or mistyped)",
        [("errcode", 93000)] = "WeCom knows no robot by the key in the channel's Url (removed, or mistyped)",
        [("code", 19021)] = "check the channel's Secret against the bot's signing secret, and this machine's clock (Feishu wants the time within an hour)",
        [("code", 19022)] = "the bot's IP allow list does not include this collector",
        [("code", 19024)] = "a keyword the bot requires is not in the message",
    };

    public static async Task CheckAsync(HttpResponseMessage response, string codeName, string messageName, int[] rateLimitCodes, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new NotificationException("HTTP 429", permanent: false, rateLimited: true);
        }

        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            throw new NotificationException(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"), permanent: false);
        }

        if (status >= 400)
        {
            throw new NotificationException(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"), permanent: true);
        }

        if (codeName.Length == 0)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        long code;
        string? message;
        try
        {
            using var doc = JsonDocument.Parse(body);
            code = doc.RootElement.TryGetProperty(codeName, out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : 0;
            message = doc.RootElement.TryGetProperty(messageName, out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }
        catch (JsonException)
        {
            throw new NotificationException(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}, the reply is not JSON: '{body[..Math.Min(body.Length, 120)]}'"), permanent: false);
        }

        if (code == 0)
        {
            return;
        }

        var rateLimited = rateLimitCodes.Contains((int)code);
        var hint = Hints.TryGetValue((codeName, code), out var h) ? " — " + h : string.Empty;
        throw new NotificationException(string.Create(CultureInfo.InvariantCulture, $"{codeName} {code}: {message}{hint}"), permanent: !rateLimited, rateLimited);
    }
}
