using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>
/// A room's use from the state its edge publishes (issue 6: free, booked, pre-show, ready, not ready, live, fault, ended),
/// so a rule "while in use" fires for a booked room before its show and never for an empty one. Rooms whose edge has not
/// published a state (an older edge) or whose last state was offline fall back to <paramref name="fallback"/>.
/// </summary>
public sealed class LifecycleRoomStateProvider(RoomStateBook states, IRoomStateProvider fallback) : IRoomStateProvider
{
    public RoomState Get(string site, string room)
    {
        if (!states.TryGet(site, room, out var state))
        {
            return fallback.Get(site, room);
        }

        // The site's zone as the edge keeps it, so messages and the alert page give local times.
        var zone = string.IsNullOrEmpty(state.TimeZone) ? null : state.TimeZone;
        return Map(state.State) is { } use ? new RoomState(use, state.Show?.Title, zone) : fallback.Get(site, room) with { TimeZone = zone };
    }

    internal static RoomUse? Map(string state) => state switch
    {
        RoomStates.Free or RoomStates.Ended => RoomUse.Free,
        RoomStates.Booked => RoomUse.Booked,
        RoomStates.PreShow or RoomStates.Ready or RoomStates.NotReady => RoomUse.PreShow,
        RoomStates.Live or RoomStates.Fault => RoomUse.Live,
        _ => null,
    };
}
