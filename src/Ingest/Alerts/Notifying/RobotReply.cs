using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>Reads a robot's reply: HTTP status, then the JSON error code (DingTalk/WeCom <c>errcode</c>, Feishu <c>code</c>).</summary>
internal static class RobotReply
{
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
        throw new NotificationException(string.Create(CultureInfo.InvariantCulture, $"{codeName} {code}: {message}"), permanent: !rateLimited, rateLimited);
    }
}
