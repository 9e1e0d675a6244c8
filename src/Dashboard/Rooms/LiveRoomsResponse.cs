namespace LiveRoom.Dashboard.Rooms;

/// <summary>Body of <c>GET /api/rooms/live</c>.</summary>
/// <param name="GeneratedAt">When the answer was built (UTC).</param>
/// <param name="StaleAfterSeconds">Age beyond which a room is stale.</param>
/// <param name="Rooms">Rooms with a point in the live window, ordered by site then room.</param>
/// <param name="Alerts">Conditions started within the last 24 h and not recovered, per room (empty when none or unknown).</param>
/// <param name="Shows">Each room's show in progress by the dashboard's schedule (a tile falls back to it when the edge's state names none).</param>
/// <param name="History">Only with <c>?history=true</c>: each room's last 5 minutes at 10 s resolution, for the tile's sparkline.</param>
/// <param name="States">Each room's lifecycle state as its edge published it (issue 6), when the dashboard's MQTT link is on.</param>
/// <param name="Collector">Whether metrics are being collected (the collector's heartbeat), so readers know whether the rest is current.</param>
/// <param name="OpenAlerts">The collector's open alerts (pending, firing, acknowledged) of the rooms shown, with who acknowledged them; null when alerts are not configured here or have not been read yet.</param>
/// <param name="OpenAlertsProblem">Why the open alerts could not be read last time (the list is then the last known one, or null).</param>
/// <param name="MetricsProblem">Why InfluxDB gave no metrics (the wall's event stream only): <paramref name="Rooms"/> is then empty,
/// while states, shows and open alerts, which do not come from InfluxDB, are current.</param>
public sealed record LiveRoomsResponse(
    DateTimeOffset GeneratedAt,
    double StaleAfterSeconds,
    IReadOnlyList<LiveRoomStatus> Rooms,
    IReadOnlyList<ActiveAlert>? Alerts = null,
    IReadOnlyList<Lifecycle.RoomStateView>? States = null,
    IReadOnlyList<CurrentShow>? Shows = null,
    IReadOnlyList<RoomHistory>? History = null,
    Collectors.CollectorStatusView? Collector = null,
    IReadOnlyList<Alerting.OpenAlert>? OpenAlerts = null,
    string? OpenAlertsProblem = null,
    string? MetricsProblem = null);
