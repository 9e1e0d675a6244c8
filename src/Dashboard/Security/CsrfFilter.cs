using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;
using Microsoft.AspNetCore.Antiforgery;

namespace LiveRoom.Dashboard.Security;

/// <summary>
/// Anti-forgery on every state-changing endpoint: the request must carry the token of <c>GET /api/auth/csrf</c>
/// in the <c>X-CSRF-TOKEN</c> header, matching the anti-forgery cookie and the signed-in user. A cross-site
/// form or fetch cannot read the token, so it cannot send it. Rejections are audited.
/// </summary>
internal sealed class CsrfFilter(IAntiforgery antiforgery, AuditLog audit) : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException ex)
        {
            audit.Write(http.User.UserName(), SessionAuthenticationHandler.Ip(http), AuditActions.CsrfRejected, http.Request.Path, "denied", ex.Message);
            return TypedResults.Problem(
                "The request did not carry a valid anti-forgery token (header X-CSRF-TOKEN from GET /api/auth/csrf).",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Anti-forgery token missing or invalid");
        }

        return await next(context);
    }
}

/// <summary>Marks endpoints that change state (for the role-matrix test and the OpenAPI description).</summary>
internal sealed class RequiresCsrfMetadata;

internal static class CsrfEndpointExtensions
{
    public static TBuilder RequireCsrf<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter<TBuilder, CsrfFilter>();
        builder.WithMetadata(new RequiresCsrfMetadata());
        return builder;
    }
}
