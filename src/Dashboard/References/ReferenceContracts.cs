using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Dashboard.Evidence;

namespace LiveRoom.Dashboard.References;

/// <summary><c>PUT /api/rooms/{site}/{room}/reference</c>: approve a captured candidate with its regions.</summary>
public sealed record ReferenceUpdateRequest(string? CaptureId, ReferenceRegions? Regions);

/// <summary>What the room page shows: the active version (if any), its history, and the newest candidate to mark.</summary>
public sealed record ReferenceView(string Site, string Room, ReferenceRecord? Current, IReadOnlyList<ReferenceRecord> History, ThumbnailEntry? Candidate, bool Pushed);

/// <summary>A capture asked of the edge: the candidate arrives as a thumbnail with this capture id.</summary>
public sealed record CaptureResponse(string CaptureId, string Topic, string By, DateTimeOffset At);
