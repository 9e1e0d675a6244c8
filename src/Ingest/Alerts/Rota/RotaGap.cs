namespace LiveRoom.Ingest.Alerts.Rota;

/// <summary>
/// A time when nobody is on duty at <paramref name="Level"/> of <paramref name="Site"/> (<c>GET /api/rota/gaps</c>), from
/// <paramref name="Start"/> (inclusive) to <paramref name="End"/> (exclusive; the end of the period asked about when the
/// gap runs on past it). An alert then names nobody at level 0, or goes to level 0 instead of a higher level.
/// </summary>
public sealed record RotaGap(string Site, int Level, DateTimeOffset Start, DateTimeOffset End);
