using System.Security.Claims;
using System.Text.Encodings.Web;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Security.Sessions;

/// <summary>
/// Authenticates a request from its session cookie against the server-side session table, enforcing the idle
/// and absolute timeouts. An unknown (forged) or expired token is audited and its cookie cleared. Challenges
/// and denials are bare 401/403: the page's script sends the browser to the sign-in page.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    SessionStore sessions,
    UserStore users,
    AuditLog audit,
    TimeProvider time,
    IOptions<DashboardOptions> dashboardOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggers, encoder)
{
    // Writing last_seen on every poll would make every request a write: a minute of precision is plenty.
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(SessionClaims.CookieName, out var token) || string.IsNullOrEmpty(token))
        {
            return Task.FromResult(dashboardOptions.Value.Security.Kiosk ? Kiosk() : AuthenticateResult.NoResult());
        }

        var security = dashboardOptions.Value.Security;
        var now = time.GetUtcNow();
        var session = token.Length <= 128 ? sessions.Find(token) : null;
        string? reason = null;
        UserRecord? user = null;
        if (session is null)
        {
            reason = "unknown session token";
        }
        else if (now - session.CreatedAt > security.AbsoluteTimeout)
        {
            reason = "session reached its absolute timeout";
        }
        else if (now - session.LastSeenAt > security.IdleTimeout)
        {
            reason = "session idle timeout";
        }
        else if ((user = users.Find(session.UserId)) is null)
        {
            reason = "user no longer exists";
        }

        if (reason is not null || user is null || session is null)
        {
            if (session is not null)
            {
                sessions.Delete(session.TokenHash);
            }

            audit.Write(user?.Name, Ip(Context), AuditActions.SessionInvalid, Request.Path, "denied", reason);
            SessionCookie.Clear(Context);
            return Task.FromResult(AuthenticateResult.Fail(reason ?? "invalid session"));
        }

        if (now - session.LastSeenAt > TouchEvery)
        {
            sessions.Touch(session.TokenHash, now);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Name),
            new(SessionClaims.SessionHash, session.TokenHash),
        };
        if (user.MustChangePassword)
        {
            // A one-time password opens nothing but the password change (issue 8: no default password).
            claims.Add(new Claim(SessionClaims.MustChangePassword, "true"));
        }
        else
        {
            claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        }

        claims.AddRange(user.Sites.Select(s => new Claim(SessionClaims.Site, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SessionClaims.Scheme, ClaimTypes.Name, ClaimTypes.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SessionClaims.Scheme)));
    }

    private static AuthenticateResult Kiosk()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, Roles.Kiosk), new Claim(ClaimTypes.Role, Roles.Kiosk)], SessionClaims.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SessionClaims.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    public static string? Ip(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
