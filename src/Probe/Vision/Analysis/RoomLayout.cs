namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>
/// The regions a technician marks on the reference frame at commissioning (issue 5 item 2), in normalized coordinates.
/// Backdrop, desk and background are static (framing is estimated from them); the seat is where the host moves.
/// </summary>
public sealed record RoomLayout
{
    /// <summary>The backdrop wall (seed clause 6.1.2: must stay wholly in frame).</summary>
    public required NormRect Backdrop { get; init; }

    /// <summary>The host desk (seed clause 6.1.2: must stay wholly in frame).</summary>
    public required NormRect Desk { get; init; }

    /// <summary>Where the host's face and torso are (seed clause 6.1.5: lit above the rest of the space).</summary>
    public required NormRect Seat { get; init; }

    /// <summary>The rest of the space; colour cast and the seat/background ratio are measured here.</summary>
    public required NormRect Background { get; init; }

    /// <summary>Null when every region is a valid rectangle inside the frame, else the reason.</summary>
    public string? Validate()
    {
        foreach (var (name, rect) in new[] { ("backdrop", Backdrop), ("desk", Desk), ("seat", Seat), ("background", Background) })
        {
            if (!rect.IsValid)
            {
                return "region " + name + " is not a non-empty rectangle inside the frame (normalized 0..1)";
            }
        }

        return null;
    }
}
