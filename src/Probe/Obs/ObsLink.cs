namespace LiveRoom.Probe.Obs;

/// <summary>The state of the link to OBS, reported by an event on each change.</summary>
internal enum ObsLink
{
    Unknown,
    Connected,
    Disconnected,
    AuthFailed,
    Invalidated,
}
