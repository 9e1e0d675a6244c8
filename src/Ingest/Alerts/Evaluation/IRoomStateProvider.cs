namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>Tells the alert engine whether a room is in use ("when it applies", issue 7 item 1). Plug the room-lifecycle state in here.</summary>
public interface IRoomStateProvider
{
    RoomState Get(string site, string room);
}
