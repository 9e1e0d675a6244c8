namespace LiveRoom.Probe.Lifecycle;

/// <summary>An event condition active now (<c>active</c> true), or a one-off event, with its message.</summary>
public sealed record ActiveEvent(string Type, string Message, long Since);
