namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>A room's use (the room-lifecycle issue publishes it on the retained <c>state</c> topic).</summary>
public enum RoomUse
{
    Free,
    Booked,
    PreShow,
    Live,
}

/// <summary>What the room is doing now and the show in progress, if known.</summary>
public readonly record struct RoomState(RoomUse Use, string? Show = null, string? TimeZone = null);
