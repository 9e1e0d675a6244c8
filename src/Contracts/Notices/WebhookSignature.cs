using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LiveRoom.Contracts.Notices;

/// <summary>
/// The signature of a webhook notice (docs/operations/webhook.md, "Verifying the sender"): the collector signs with it,
/// a receiver (the demo's notice inbox) checks with it.
/// </summary>
public static class WebhookSignature
{
    /// <summary>Unix seconds when the attempt was made.</summary>
    public const string TimestampHeader = "X-LiveRoom-Timestamp";

    public const string SignatureHeader = "X-LiveRoom-Signature";

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of <c>{timestamp}.{body}</c> (UTF-8) keyed with the secret's UTF-8 bytes.</summary>
    public static string Compute(string secret, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
    }

    /// <summary>How far a request's timestamp may be from the receiver's clock: 5 minutes.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Whether <paramref name="signature"/> is the one for this body, compared in constant time.</summary>
    public static bool Matches(string secret, string timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));

    /// <summary>
    /// A receiver's whole check, as docs/operations/webhook.md tells it: why the request's headers do not prove it came from
    /// the holder of <paramref name="secret"/> within <see cref="Window"/> of <paramref name="now"/>, or null when they do.
    /// </summary>
    public static string? Problem(string secret, string timestamp, string signature, string body, DateTimeOffset now)
    {
        if (timestamp.Length == 0 || signature.Length == 0)
        {
            return $"unsigned: {TimestampHeader} and {SignatureHeader} are required (the channel's Secret)";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799))).Duration() > Window)
        {
            return $"{TimestampHeader} {timestamp} is not within {Window.TotalMinutes:0} minutes of this clock";
        }

        return Matches(secret, timestamp, body, signature) ? null : $"{SignatureHeader} does not match the body and the channel's Secret";
    }
}
