namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>
/// Values of <see cref="RoomStateMessage.State"/> (issue 6 item 3): free → booked → pre-show → ready / not-ready →
/// live → fault → ended → free; offline when the edge is gone.
/// </summary>
public static class RoomStates
{
    public const string Free = "free";

    /// <summary>Next show within the look-ahead, checklist not started yet.</summary>
    public const string Booked = "booked";

    /// <summary>Checklist running (progress in <see cref="RoomStateMessage.Checklist"/>).</summary>
    public const string PreShow = "pre-show";

    public const string Ready = "ready";
    public const string NotReady = "not-ready";

    /// <summary>Stream up during or near a show, or with no show (<see cref="RoomStateMessage.Unscheduled"/>).</summary>
    public const string Live = "live";

    /// <summary>Live, but a critical metric failing.</summary>
    public const string Fault = "fault";

    /// <summary>The show's stream stopped; returns to free (or booked) after a short while.</summary>
    public const string Ended = "ended";

    /// <summary>The edge is gone (derived from its last will on <c>status</c>; never published by the edge itself).</summary>
    public const string Offline = "offline";

    public static readonly IReadOnlyList<string> All = [Free, Booked, PreShow, Ready, NotReady, Live, Fault, Ended, Offline];
}
