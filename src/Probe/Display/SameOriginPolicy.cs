using Microsoft.AspNetCore.Http;

namespace LiveRoom.Probe.Display;

/// <summary>
/// Who may POST to the door display (docs/decisions/0012-door-display.md): the page itself only. A cross-site HTML
/// form cannot set a custom header, and a cross-site script that sets one needs a CORS preflight this server never
/// grants; an Origin (or, without one, a Referer) naming another host is refused as well.
/// </summary>
internal static class SameOriginPolicy
{
    /// <summary>Why the request is refused, or null when it comes from the door page.</summary>
    public static string? Refusal(HttpRequest request)
    {
        if (!request.Headers.ContainsKey(DisplayDefaults.RequestHeader))
        {
            return $"header {DisplayDefaults.RequestHeader} missing: only the door page may post here";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return Matches(origin, request.Host) ? null : $"cross-origin request from '{origin}' refused";
        }

        var referer = request.Headers.Referer.ToString();
        return referer.Length == 0 || Matches(referer, request.Host) ? null : $"cross-origin request from '{referer}' refused";
    }

    private static bool Matches(string source, HostString host)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || !host.HasValue)
        {
            return false;
        }

        var port = host.Port ?? (uri.Scheme == Uri.UriSchemeHttps ? 443 : 80);
        return string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == port;
    }
}
