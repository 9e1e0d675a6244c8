using System.Security.Claims;

namespace LiveRoom.Dashboard.Security.Sessions;

/// <summary>Claim names the session handler issues, and readers for them.</summary>
internal static class SessionClaims
{
    public const string Scheme = "LiveRoomSession";
    public const string CookieName = "liveroom_session";
    public const string Site = "liveroom:site";
    public const string SessionHash = "liveroom:sid";
    public const string MustChangePassword = "liveroom:must_change_password";

    public static string? UserName(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;

    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Sites the user may see; empty means every site.</summary>
    public static IReadOnlyList<string> Sites(this ClaimsPrincipal user) =>
        user.FindAll(Site).Select(c => c.Value).ToList();

    public static bool MaySee(this ClaimsPrincipal user, string site)
    {
        var sites = user.Sites();
        return sites.Count == 0 || sites.Contains(site, StringComparer.Ordinal);
    }
}
