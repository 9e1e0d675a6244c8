namespace LiveRoom.Dashboard.Security.Sessions;

/// <summary>The session cookie's attributes: HttpOnly, SameSite=Strict, Secure over HTTPS, path /.</summary>
internal static class SessionCookie
{
    public static void Set(HttpContext context, string token) =>
        context.Response.Cookies.Append(SessionClaims.CookieName, token, Options(context));

    public static void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(SessionClaims.CookieName, Options(context));

    // No Expires/Max-Age: a browser session cookie; the server enforces the idle and absolute timeouts.
    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
