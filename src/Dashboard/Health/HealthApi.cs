namespace LiveRoom.Dashboard.Health;

/// <summary><c>GET /healthz</c>: liveness for systemd, the demo supervisor and load balancers.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Liveness only: an InfluxDB outage is shown on the page (503 from the API), it does not make the dashboard unhealthy.
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthResponse("ok"))).AllowAnonymous();
        return app;
    }
}
