using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>The chat robots' documented request signatures.</summary>
public static class RobotSignature
{
    /// <summary>
    /// DingTalk custom robot ("加签"): <c>sign = urlencode(base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)))</c>,
    /// timestamp in milliseconds, both as query parameters. Returns the base64 value (not yet URL-encoded).
    /// </summary>
    public static string DingTalk(long timestampMs, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var data = timestampMs.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));
    }

    /// <summary>
    /// Feishu/Lark custom bot: <c>sign = base64(HMAC-SHA256(key = timestamp + "\n" + secret, data = empty))</c>, timestamp in
    /// seconds, both in the JSON body.
    /// </summary>
    public static string Feishu(long timestampSeconds, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = timestampSeconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Array.Empty<byte>()));
    }
}
