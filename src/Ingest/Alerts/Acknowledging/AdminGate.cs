using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LiveRoom.Ingest.Alerts.Acknowledging;

/// <summary>
/// The check of <c>Authorization: Bearer {AdminToken}</c> for everything on the alert listener that is not reached
/// through a signed link: the admin API, the open alerts and the incident records. The listener faces the on-call
/// staff's phones (often through a public reverse proxy), so without a configured token these are refused (403).
/// </summary>
internal sealed class AdminGate(string? token)
{
    private readonly byte[]? _key = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool Allowed(HttpContext c)
    {
        var header = c.Request.Headers.Authorization.ToString();
        return _key is not null && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(_key, SHA256.HashData(Encoding.UTF8.GetBytes(header[7..])));
    }

    /// <summary>403 with why, for a caller that may read the answer (the dashboard names it in its problem).</summary>
    public IResult Refusal() => Results.Text(
        _key is null
            ? "{\"errors\":[\"Ingest:Alerts:AdminToken is not set: the collector's alert API answers nobody\"]}"
            : "{\"errors\":[\"missing or wrong admin token (Authorization: Bearer, Ingest:Alerts:AdminToken)\"]}",
        "application/json",
        statusCode: StatusCodes.Status403Forbidden);
}
