using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>
/// One show read from a file, before its room is resolved. <paramref name="Line"/> is where it starts in the file;
/// <paramref name="SourceKey"/> its identity in the source (<see cref="SourceKeys"/>), null when the file gives none.
/// </summary>
internal sealed record ImportedShow(int Line, string Room, DateTimeOffset Start, DateTimeOffset End, string Title, string Host, ShowProfile? Profile, string? SourceKey = null);
