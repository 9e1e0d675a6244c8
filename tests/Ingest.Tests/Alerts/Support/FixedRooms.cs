using System.Collections.Concurrent;
using LiveRoom.Ingest.Alerts.Evaluation;

namespace LiveRoom.Ingest.Tests.Alerts.Support;

/// <summary>Room states set by the test; rooms not set are <see cref="Default"/>.</summary>
internal sealed class FixedRooms : IRoomStateProvider
{
    public ConcurrentDictionary<(string, string), RoomState> States { get; } = new();

    public RoomState Default { get; set; } = new(RoomUse.Live, "show-1");

    public RoomState Get(string site, string room) => States.TryGetValue((site, room), out var s) ? s : Default;
}
