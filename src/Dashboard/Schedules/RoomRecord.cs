namespace LiveRoom.Dashboard.Schedules;

/// <summary>A room of a site, as stored.</summary>
internal sealed record RoomRecord(string Site, string Id, string Name);
