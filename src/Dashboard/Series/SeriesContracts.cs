namespace LiveRoom.Dashboard.Series;

/// <summary>One line of a panel; <see cref="Values"/> align with the panel's times (null = no data in that bucket).</summary>
public sealed record SeriesData(string Name, IReadOnlyList<double?> Values);

/// <summary>One chart's data, ready for uPlot: times in Unix milliseconds, one value array per line.</summary>
/// <remarks>Error: Why the panel has no data (e.g. InfluxDB unreachable); null when the query worked.</remarks>
public sealed record PanelData(string Id, string Title, string Unit, IReadOnlyList<long> Times, IReadOnlyList<SeriesData> Series, string? Error);

/// <summary>Body of <c>GET /api/rooms/{site}/{room}/series</c>.</summary>
/// <remarks>IntervalSeconds: Bucket width the data was averaged over.</remarks>
/// <remarks>Source: <c>raw</c> (the collector's points) or <c>rollup</c> (1-minute aggregates, see docs/decisions/0007).</remarks>
public sealed record RoomSeriesResponse(
    string Site,
    string Room,
    DateTimeOffset From,
    DateTimeOffset To,
    double IntervalSeconds,
    string Source,
    IReadOnlyList<PanelData> Panels,
    IReadOnlyList<RoomEvent> Events);

/// <summary>An event (incident) of the room in the range, marked on the time axis: newest 200 at most.</summary>
/// <param name="Time">When, in Unix milliseconds.</param>
/// <param name="Type">One of the edge's event types (<c>EventTypes</c>, <c>VisionEventTypes</c>); the pages name it.</param>
/// <param name="Message">The edge's explanation, as written.</param>
/// <param name="Active">For a condition with a duration: true when it started, false when it recovered; null for a one-off event.</param>
/// <param name="DurationSeconds">On recovery: how long the condition lasted.</param>
public sealed record RoomEvent(long Time, string Type, string? Message, bool? Active = null, double? DurationSeconds = null);
