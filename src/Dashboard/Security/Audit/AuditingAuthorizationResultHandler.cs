using System.Security.Claims;
using LiveRoom.Dashboard.Security.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace LiveRoom.Dashboard.Security.Audit;

/// <summary>
/// Writes every denied request (401 or 403) to the audit log. A refused API call (403) is answered with a problem that
/// names the caller's roles and the roles it needs, so a page can say why instead of "HTTP 403"; a kiosk screen is told
/// to sign in (<c>signIn: true</c>), as a page with no session is.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler(AuditLog audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            audit.Write(
                context.User.UserName(),
                SessionAuthenticationHandler.Ip(context),
                AuditActions.Denied,
                $"{context.Request.Method} {context.Request.Path}",
                "denied",
                authorizeResult.Challenged ? "not signed in" : "role or site not allowed");
        }

        return authorizeResult.Forbidden && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            ? Refusal(context.User, policy).ExecuteAsync(context)
            : _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>The 403 problem for <paramref name="user"/> refused by <paramref name="policy"/>.</summary>
    internal static IResult Refusal(ClaimsPrincipal user, AuthorizationPolicy policy)
    {
        var held = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        // The roles of the requirement the caller fails (an endpoint's policy is combined with its group's).
        var needed = policy.Requirements.OfType<RolesAuthorizationRequirement>().Where(r => !r.AllowedRoles.Any(user.IsInRole)).SelectMany(r => r.AllowedRoles)
            .Where(r => r != Roles.Kiosk).Distinct(StringComparer.Ordinal).ToArray();
        var kiosk = held.Contains(Roles.Kiosk, StringComparer.Ordinal);
        var who = kiosk ? "This screen is not signed in (kiosk: the wall and room pages only)" : $"Your account ({(held.Length == 0 ? "no role" : string.Join(", ", held))}) may not do this";
        var detail = needed.Length switch
        {
            0 => who + ".",
            1 => $"{who}; it needs the role {needed[0]}.",
            _ => $"{who}; it needs one of the roles {string.Join(", ", needed)}.",
        };
        return TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not allowed",
            // A page says the refusal in its reader's language from the roles (wwwroot/api.js refusalText); detail is English.
            extensions: kiosk
                ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["signIn"] = true }
                : new Dictionary<string, object?>(StringComparer.Ordinal) { ["roles"] = held, ["neededRoles"] = needed });
    }
}
