using LiveRoom.Dashboard.Schedules;

namespace LiveRoom.Dashboard.Rooms;

/// <summary>Shows in progress by the dashboard's own schedule: what a wall tile names when the edge's state does not.</summary>
internal static class LiveShows
{
    /// <summary>Every room's show in progress at <paramref name="now"/> (at most one per room: shows never overlap in a room).</summary>
    public static IReadOnlyList<CurrentShow> InProgress(ScheduleStore store, DateTimeOffset now)
    {
        var shows = new List<CurrentShow>();
        foreach (var site in store.ListSites())
        {
            foreach (var show in store.ListShows(site.Id, null, now, now.AddMilliseconds(1)))
            {
                shows.Add(new CurrentShow(show.Site, show.Room, show.Id, show.Title, show.Start, show.End, site.TimeZone));
            }
        }

        return shows;
    }
}
