using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Dashboard.Store;
using LiveRoom.Dashboard.Users;
using LiveRoom.Dashboard.Options;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

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
        // The anti-forgery tokens' keys live next to the store, so a restart (a deploy, systemd after a crash) does not
        // invalidate every open page's token. Without this, ASP.NET keeps them in ~/.aspnet, which the systemd unit
        // (DynamicUser, ProtectHome) cannot write: the keys would be ephemeral. They are not encrypted at rest (no
        // key-encryption key exists on Linux); the directory is the service's own, mode 0700.
        services.AddDataProtection().SetApplicationName("liveroom-dashboard");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DashboardOptions>, ILoggerFactory>((keys, dashboard, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(KeyDirectory(dashboard.Value.Store), loggers));
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

    /// <summary>The data-protection key ring's directory: <c>keys/</c> beside the store, created owner-only.</summary>
    public static DirectoryInfo KeyDirectory(StoreOptions store)
    {
        var path = Path.Combine(Path.GetDirectoryName(store.ResolvedPath)!, "keys");
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
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
