using LiveRoom.Dashboard.Security.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace LiveRoom.Dashboard.Security.Audit;

/// <summary>Writes every denied request (401 or 403) to the audit log, then answers as usual.</summary>
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

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
