using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>A show as stored: times in UTC (millisecond precision), profile null for the room's own.</summary>
internal sealed record ShowRecord(
    string Id,
    string Site,
    string Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Title,
    string Host,
    ShowProfile? Profile)
{
    public bool Overlaps(ShowRecord other) =>
        string.Equals(Site, other.Site, StringComparison.Ordinal)
        && string.Equals(Room, other.Room, StringComparison.Ordinal)
        && Start < other.End
        && other.Start < End;

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
