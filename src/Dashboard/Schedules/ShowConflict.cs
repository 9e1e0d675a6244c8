namespace LiveRoom.Dashboard.Schedules;

/// <summary>A refused write: <paramref name="Incoming"/> overlaps <paramref name="Existing"/> (stored, or earlier in the same batch).</summary>
internal sealed record ShowConflict(ShowRecord Incoming, ShowRecord Existing, bool ExistingIsStored);
