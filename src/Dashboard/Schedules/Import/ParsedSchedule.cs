using LiveRoom.Contracts.Text;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>
/// What a parser read: the shows, or the refusal (<see cref="Error"/>, naming the line) — a file is imported whole or
/// not at all. <see cref="Uids"/>: the iCalendar UIDs the file holds (cancelled and past-only events too), whose stored
/// future occurrences the file now fully describes; empty for CSV.
/// </summary>
internal sealed record ParsedSchedule(IReadOnlyList<ImportedShow> Shows, LocalText? Error, int SkippedPast = 0, int BeyondHorizon = 0)
{
    public IReadOnlySet<string> Uids { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static ParsedSchedule Refused(LocalText error) => new([], error);
}
