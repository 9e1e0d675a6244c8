namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// The fixed wordings of a room state's reason (<c>RoomStateMessage.Reason</c>) beside the checklist's
/// (<c>"{item} {value}, needs {threshold}"</c>) and a critical condition's (<c>"{type}: {message}"</c>). They stay
/// English in the state message, which logs and the dashboard read; the door sign puts Chinese before them
/// (<see cref="Display.DisplayWords"/>).
/// </summary>
internal static class RoomReasons
{
    public const string NoStream = "show started, no stream";
    public const string StreamLost = "stream lost during the show";

    /// <summary>The start of the checklist's reason when manual items are left unconfirmed after the deadline.</summary>
    public const string NotConfirmed = "not confirmed: ";
}
