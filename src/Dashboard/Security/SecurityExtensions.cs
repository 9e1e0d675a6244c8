using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Dashboard.Store;
using LiveRoom.Dashboard.Users;
using Microsoft.AspNetCore.Authorization;

namespace LiveRoom.Dashboard.Security;

/// <summary>Sign-in, sessions, roles, anti-forgery and audit wiring (issue 8 item 5).</summary>
internal static class SecurityExtensions
{
    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services)
    {
        services.AddSingleton<SqliteStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddAuthentication(SessionClaims.Scheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionClaims.Scheme, null);
        services.AddAuthorization(o =>
        {
            foreach (var (policy, roles) in Policies.RolesOf)
            {
                o.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
            }

            o.AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser());

            // An endpoint mapped without a rule is closed to everyone but administrators (and the role-matrix test fails).
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.Admin).Build();
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfFilter.HeaderName;
            o.Cookie.Name = "liveroom_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>Headers on every answer: no framing, no sniffing, scripts and styles only from this origin.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            // The value antiforgery also sets, so it does not warn about an overridden header.
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }

        await next(context);
    });
}
