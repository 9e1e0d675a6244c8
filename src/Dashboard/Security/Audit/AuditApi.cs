namespace LiveRoom.Dashboard.Security.Audit;

/// <summary><c>GET /api/audit</c>: the audit log, newest first (admin).</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", (AuditLog audit, int? limit, string? action) => TypedResults.Ok(audit.Read(limit ?? 200, action)))
            .RequireAuthorization(Policies.Admin)
            .WithTags("audit");
        return app;
    }
}
