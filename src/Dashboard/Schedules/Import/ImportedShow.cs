using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>One show read from a file, before its room is resolved. <paramref name="Line"/> is where it starts in the file.</summary>
internal sealed record ImportedShow(int Line, string Room, DateTimeOffset Start, DateTimeOffset End, string Title, string Host, ShowProfile? Profile);
