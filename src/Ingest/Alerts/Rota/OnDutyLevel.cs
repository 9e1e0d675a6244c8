namespace LiveRoom.Ingest.Alerts.Rota;

/// <summary>
/// Who a notice at <paramref name="Level"/> of <paramref name="Site"/> would go to now (<c>GET /api/rota/on-duty</c>): the
/// covers on duty if any, otherwise everyone on duty. Empty: nobody — above level 0 the notice goes to level 0 instead,
/// at level 0 it names nobody.
/// </summary>
public sealed record OnDutyLevel(string Site, int Level, IReadOnlyList<RotaEntry> People);
