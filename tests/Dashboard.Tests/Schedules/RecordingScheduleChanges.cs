using System.Collections.Concurrent;
using LiveRoom.Dashboard.Schedules;

namespace LiveRoom.Dashboard.Tests.Schedules;

/// <summary>The rooms the API told to push their schedule to the edge, in order.</summary>
internal sealed class RecordingScheduleChanges : IScheduleChanges
{
    private readonly ConcurrentQueue<(string Site, string Room)> _rooms = new();

    public IReadOnlyList<(string Site, string Room)> Rooms => [.. _rooms];

    public void RoomChanged(string site, string room) => _rooms.Enqueue((site, room));

    public void Clear() => _rooms.Clear();
}
