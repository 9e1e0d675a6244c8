namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>
/// What a parser read: the shows, or the refusal (<see cref="Error"/>, naming the line) — a file is imported whole or
/// not at all.
/// </summary>
internal sealed record ParsedSchedule(IReadOnlyList<ImportedShow> Shows, string? Error, int SkippedPast = 0, int BeyondHorizon = 0)
{
    public static ParsedSchedule Refused(string error) => new([], error);
}
