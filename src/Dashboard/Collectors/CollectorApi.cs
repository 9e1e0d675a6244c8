using LiveRoom.Dashboard.Security;

namespace LiveRoom.Dashboard.Collectors;

/// <summary>
/// <c>GET /api/collector</c>: whether metrics are being collected (<see cref="CollectorStatusView"/>), for pages without
/// the wall's event stream (the room page). Answers from the dashboard's MQTT link alone, so it works while InfluxDB is down.
/// </summary>
internal static class CollectorApi
{
    public static IEndpointRouteBuilder MapCollectorApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/collector", (Mqtt.EdgeLink link) => TypedResults.Ok(link.CollectorStatus()))
            .RequireAuthorization(Policies.View)
            .WithTags("collector");
        return app;
    }
}
