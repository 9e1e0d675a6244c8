namespace LiveRoom.Dashboard.Health;

/// <summary>Body of <c>GET /healthz</c>.</summary>
public sealed record HealthResponse(string Status);
