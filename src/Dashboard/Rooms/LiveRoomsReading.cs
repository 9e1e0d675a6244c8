namespace LiveRoom.Dashboard.Rooms;

/// <summary>One refresh of the room wall's data, shared by every client until the next push interval.</summary>
/// <param name="Live">The wall of every site with the shows in progress, before per-user filtering; null when InfluxDB failed.</param>
/// <param name="Failure">Why InfluxDB gave nothing (the wall event's <c>metricsProblem</c> and the 503); null when <paramref name="Live"/> is set.</param>
/// <param name="WithoutMetrics">When InfluxDB failed: no rooms, the shows in progress and <see cref="LiveRoomsResponse.MetricsProblem"/>,
/// for the wall's event stream (states and open alerts are added per client); null when <paramref name="Live"/> is set.</param>
internal sealed record LiveRoomsReading(LiveRoomsResponse? Live, string? Failure, LiveRoomsResponse? WithoutMetrics = null);
