using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>
/// A show as stored: times in UTC (millisecond precision), profile null for the room's own. <paramref name="SourceKey"/>
/// is the calendar's identity of the occurrence it was imported from (<see cref="Import.SourceKeys"/>), null for a show
/// created by hand or imported from a CSV without a uid column.
/// </summary>
internal sealed record ShowRecord(
    string Id,
    string Site,
    string Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Title,
    string Host,
    ShowProfile? Profile,
    string? SourceKey = null)
{
    public bool Overlaps(ShowRecord other) =>
        string.Equals(Site, other.Site, StringComparison.Ordinal)
        && string.Equals(Room, other.Room, StringComparison.Ordinal)
        && Start < other.End
        && other.Start < End;

    /// <summary>Same room, times (to the stored millisecond), title, host and profile: an import leaves it untouched.</summary>
    public bool SameContent(ShowRecord other) =>
        string.Equals(Room, other.Room, StringComparison.Ordinal)
        && Start.ToUnixTimeMilliseconds() == other.Start.ToUnixTimeMilliseconds()
        && End.ToUnixTimeMilliseconds() == other.End.ToUnixTimeMilliseconds()
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && string.Equals(Host, other.Host, StringComparison.Ordinal)
        && Equals(Profile, other.Profile);

    public ScheduledShow ToScheduled() => new()
    {
        Id = Id,
        Title = Title,
        Host = Host,
        Start = Start.ToUnixTimeMilliseconds(),
        End = End.ToUnixTimeMilliseconds(),
        Profile = Profile,
    };
}
