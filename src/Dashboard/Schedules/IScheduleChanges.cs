namespace LiveRoom.Dashboard.Schedules;

/// <summary>Told of every change to a room's shows or its site's zone or manual items, so the room's edge gets the new schedule.</summary>
internal interface IScheduleChanges
{
    void RoomChanged(string site, string room);
}
