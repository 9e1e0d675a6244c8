namespace LiveRoom.Dashboard.Rooms;

/// <summary>A room's show in progress by the dashboard's schedule, as the room wall shows it.</summary>
/// <param name="Site">Site id.</param>
/// <param name="Room">Room id.</param>
/// <param name="Id">Show id.</param>
/// <param name="Title">Show title (data: the page shows it as text).</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC).</param>
/// <param name="TimeZone">The site's IANA zone, so the tile can show local times.</param>
public sealed record CurrentShow(string Site, string Room, string Id, string Title, DateTimeOffset Start, DateTimeOffset End, string TimeZone);
