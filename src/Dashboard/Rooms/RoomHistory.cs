namespace LiveRoom.Dashboard.Rooms;

/// <summary>A room's recent stream values, one mean per interval, oldest first (the wall tile's sparkline).</summary>
/// <param name="Site">Site id.</param>
/// <param name="Room">Room id.</param>
/// <param name="IntervalSeconds">Width of one bucket, seconds.</param>
/// <param name="Times">Start of each bucket, UTC Unix milliseconds.</param>
/// <param name="Fps">Mean frame rate per bucket; null where the bucket has no value.</param>
/// <param name="BitrateBps">Mean bitrate per bucket, bits per second; null where the bucket has no value.</param>
public sealed record RoomHistory(
    string Site,
    string Room,
    double IntervalSeconds,
    IReadOnlyList<long> Times,
    IReadOnlyList<double?> Fps,
    IReadOnlyList<double?> BitrateBps);
