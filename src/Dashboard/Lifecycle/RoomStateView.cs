using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Dashboard.Lifecycle;

/// <summary>
/// A room's state as the dashboard last heard it from the edge (retained <c>state</c> and <c>status</c>); what
/// <c>GET /api/rooms/{site}/{room}/state</c> returns and the room wall shows.
/// </summary>
/// <param name="Site">Site id.</param>
/// <param name="Room">Room id.</param>
/// <param name="State">One of <see cref="RoomStates"/>, <c>offline</c> when the edge's status is offline, or <c>unknown</c> when only its status is known.</param>
/// <param name="Online">The edge's status (null when none received).</param>
/// <param name="Since">Since when the room is in <paramref name="State"/> (from the edge; the status time when offline).</param>
/// <param name="Reason">Why not ready / fault; empty otherwise.</param>
/// <param name="Unscheduled">Live with no show.</param>
/// <param name="Show">The show the state is about.</param>
/// <param name="Next">The next show.</param>
/// <param name="Checklist">The checklist run's progress.</param>
/// <param name="TimeZone">The site's zone, as the edge knows it.</param>
/// <param name="ReceivedAt">When the dashboard received the newest of the two messages.</param>
public sealed record RoomStateView(
    string Site,
    string Room,
    string State,
    bool? Online,
    DateTimeOffset? Since,
    string Reason,
    bool Unscheduled,
    ShowSummary? Show,
    ShowSummary? Next,
    ChecklistProgress? Checklist,
    string? TimeZone,
    DateTimeOffset ReceivedAt)
{
    /// <summary>State word when the edge reported a status but no state yet.</summary>
    public const string Unknown = "unknown";
}
