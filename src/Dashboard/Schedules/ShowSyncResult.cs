namespace LiveRoom.Dashboard.Schedules;

/// <summary>
/// What <see cref="ScheduleStore.TrySync"/> did: shows added, updated in place (before and after, same id), left as they
/// were, and removed — or, when <see cref="Conflict"/> is set, nothing at all.
/// </summary>
internal sealed record ShowSyncResult(
    IReadOnlyList<ShowRecord> Added,
    IReadOnlyList<(ShowRecord Before, ShowRecord After)> Updated,
    int Unchanged,
    IReadOnlyList<ShowRecord> Removed,
    ShowConflict? Conflict)
{
    public static ShowSyncResult Refused(ShowConflict conflict) => new([], [], 0, [], conflict);

    /// <summary>Rooms whose schedule changed (an updated show moved between rooms changes both), for the edge push.</summary>
    public IEnumerable<string> ChangedRooms() =>
        Added.Select(s => s.Room)
            .Concat(Updated.SelectMany(u => new[] { u.Before.Room, u.After.Room }))
            .Concat(Removed.Select(s => s.Room))
            .Distinct(StringComparer.Ordinal);

    /// <summary>"added=2 updated=1 unchanged=5 removed=0", for the audit log and the command line.</summary>
    public string Counts() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"added={Added.Count} updated={Updated.Count} unchanged={Unchanged} removed={Removed.Count}");
}
