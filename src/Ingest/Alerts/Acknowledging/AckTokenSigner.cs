using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LiveRoom.Ingest.Alerts.Acknowledging;

/// <summary>
/// Signed, expiring acknowledgement links (issue 7 item 4): <c>{alertId}.{expiry unix s}.{base64url(HMAC-SHA256(key, alertId + "." + expiry))}</c>.
/// Whoever holds the link may acknowledge that one alert until it expires; nothing else.
/// </summary>
public sealed class AckTokenSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <remarks>key: HMAC key, at least 32 bytes.</remarks>
    public AckTokenSigner(byte[] key, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("the token key must be at least 32 bytes", nameof(key));
        }

        _key = key.ToArray();
        _time = time;
    }

    public static AckTokenSigner FromSecret(string? secret, TimeProvider time) =>
        new(string.IsNullOrEmpty(secret) ? RandomNumberGenerator.GetBytes(32) : SHA256.HashData(Encoding.UTF8.GetBytes(secret)), time);

    public string Create(string alertId, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var payload = alertId + "." + (_time.GetUtcNow() + lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return payload + "." + Base64Url(Sign(payload));
    }

    public TokenCheck Verify(string? token, out string alertId)
    {
        alertId = "";
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts[0].Length is 0 or > 64 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return TokenCheck.Malformed;
        }

        var expected = Sign(parts[0] + "." + parts[1]);
        byte[] given;
        try
        {
            given = FromBase64Url(parts[2]);
        }
        catch (FormatException)
        {
            return TokenCheck.Malformed;
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return TokenCheck.BadSignature;
        }

        if (_time.GetUtcNow().ToUnixTimeSeconds() >= expiry)
        {
            return TokenCheck.Expired;
        }

        alertId = parts[0];
        return TokenCheck.Valid;
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
