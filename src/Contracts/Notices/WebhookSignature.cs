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

    /// <summary>Whether <paramref name="signature"/> is the one for this body, compared in constant time.</summary>
    public static bool Matches(string secret, string timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
