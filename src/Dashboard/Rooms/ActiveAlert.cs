namespace LiveRoom.Dashboard.Rooms;

/// <summary>A condition an edge reported as started and not yet recovered (event with <c>active</c> true as its latest).</summary>
/// <remarks>Since: source time the condition started (UTC).</remarks>
public sealed record ActiveAlert(string Site, string Room, string Type, string? Message, DateTimeOffset? Since);
