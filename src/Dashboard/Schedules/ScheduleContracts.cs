using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>Body of <c>POST /api/sites</c> and <c>PUT /api/sites/{site}</c> (the id is ignored on PUT).</summary>
/// <param name="Id">Site identifier (letters, digits, '-', '_', '.'; 1–64).</param>
/// <param name="Name">Display name.</param>
/// <param name="TimeZone">IANA zone (e.g. Asia/Shanghai); a Windows name is mapped to IANA.</param>
public sealed record SiteRequest(string? Id, string? Name, string? TimeZone);

/// <summary>A site with its rooms and manual checklist items.</summary>
public sealed record SiteResponse(string Id, string Name, string TimeZone, IReadOnlyList<ManualItem> Manual, IReadOnlyList<RoomResponse> Rooms);

/// <summary>Body of <c>POST /api/sites/{site}/rooms</c> and <c>PUT …/rooms/{room}</c> (the id is ignored on PUT).</summary>
public sealed record RoomRequest(string? Id, string? Name);

/// <summary>A room of a site.</summary>
public sealed record RoomResponse(string Site, string Id, string Name);

/// <summary>Body of <c>POST /api/sites/{site}/manual-items</c> and <c>PUT …/manual-items/{item}</c> (the id is ignored on PUT).</summary>
public sealed record ManualItemRequest(string? Id, string? Text);

/// <summary>Body of <c>POST /api/sites/{site}/shows</c> and <c>PUT …/shows/{id}</c>. Times with an offset (ISO 8601).</summary>
/// <param name="Room">Room id within the site.</param>
/// <param name="Start">Start; not in the past.</param>
/// <param name="End">End; after the start, at most 24 h later.</param>
/// <param name="Title">Show title, 1–200 characters.</param>
/// <param name="Host">Presenter; optional.</param>
/// <param name="Profile">Expected encoder profile; null: the room's own.</param>
public sealed record ShowRequest(string? Room, DateTimeOffset? Start, DateTimeOffset? End, string? Title, string? Host, ShowProfile? Profile);

/// <summary>A show; <paramref name="LocalStart"/>/<paramref name="LocalEnd"/> are in the site's zone.</summary>
public sealed record ShowResponse(
    string Id,
    string Site,
    string Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset LocalStart,
    DateTimeOffset LocalEnd,
    string TimeZone,
    string Title,
    string Host,
    ShowProfile? Profile);

/// <summary>
/// Answer of <c>POST /api/sites/{site}/shows/import</c>. A re-import is a sync: occurrences already stored (same
/// calendar UID and original start, or same CSV uid) are updated in place, keeping their show id, or left unchanged;
/// future occurrences of the file's UIDs that it no longer produces are removed.
/// </summary>
/// <param name="Created">Shows added (the same as <see cref="Added"/>; kept for clients that read it).</param>
/// <param name="SkippedPast">Calendar occurrences already started, not imported (iCalendar only; a CSV line in the past is an error).</param>
/// <param name="BeyondHorizon">Recurring events cut at the expansion horizon.</param>
/// <param name="HorizonDays">The expansion horizon, days.</param>
public sealed record ImportResponse(int Created, int SkippedPast, int BeyondHorizon, double HorizonDays)
{
    /// <summary>Shows added: occurrences not stored before.</summary>
    public int Added => Created;

    /// <summary>Stored shows changed in place (times, room, title, host or profile), same id.</summary>
    public int Updated { get; init; }

    /// <summary>Stored shows the file describes exactly as they are.</summary>
    public int Unchanged { get; init; }

    /// <summary>Future shows of the file's calendar events that the file no longer produces (EXDATE, shorter COUNT/UNTIL, moved series).</summary>
    public int Removed { get; init; }
}
