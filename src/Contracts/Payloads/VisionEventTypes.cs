namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// Event types of the vision checks (issue 5; seed clauses 6.1.2 framing, 6.1.5 lighting), reported like
/// <see cref="EventTypes"/>: once when they start (active) and once when they recover.
/// </summary>
public static class VisionEventTypes
{
    /// <summary>Backdrop/desk coverage below 98% or the camera shifted beyond the threshold for N samples.</summary>
    public const string FramingDrift = "framing_drift";

    public const string CameraBlocked = "camera_blocked";
    public const string OutOfFocus = "out_of_focus";
    public const string TooDark = "too_dark";
    public const string Overexposed = "overexposed";
    public const string ColourCast = "colour_cast";

    /// <summary>The host seat is not lit above the background (clause 6.1.5).</summary>
    public const string SeatNotLit = "seat_not_lit";

    /// <summary>Overall light level changed since the reference was approved.</summary>
    public const string LightChanged = "light_changed";
}
