namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>
/// Default until the room-lifecycle state exists: a room is live while its stream is up, and stays live for
/// <c>liveGrace</c> after the stream went down (so a cut during a show alerts, while a room whose stream was never up
/// — an empty room at 3 a.m. — is free).
/// </summary>
public sealed class StreamRoomStateProvider(RuleEvaluator evaluator, TimeProvider time, TimeSpan liveGrace) : IRoomStateProvider
{
    public RoomState Get(string site, string room)
    {
        var (up, everUp, downAt) = evaluator.Stream(site, room);
        return up || (everUp && time.GetUtcNow() - downAt < liveGrace) ? new RoomState(RoomUse.Live) : new RoomState(RoomUse.Free);
    }
}
