using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Store;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Dashboard.Tests.Schedules;

/// <summary><c>liveroom-dashboard schedule import</c> on a store file in a temp dir, with a fake clock at 1 Oct 2026.</summary>
public sealed class ScheduleCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("schedule-command");
    private readonly FakeTimeProvider _time = new(ScheduleFiles.Now);

    private string StorePath => Path.Combine(_dir.Path, "dashboard.db");

    [Fact]
    public void Run_CalendarImportedAgainThenChanged_PrintsAndAuditsTheCounts()
    {
        var calendar = ScheduleFiles.Read("berlin-weekly-dst.ics");

        var first = Run(calendar);
        var again = Run(calendar);
        var shortened = Run(calendar.Replace("COUNT=4", "COUNT=3", StringComparison.Ordinal));

        Assert.Equal((0, $"imported calendar.ics into site 'de' in {StorePath}: added=4 updated=0 unchanged=0 removed=0"), first);
        Assert.Equal((0, $"imported calendar.ics into site 'de' in {StorePath}: added=0 updated=0 unchanged=4 removed=0"), again);
        Assert.Equal((0, $"imported calendar.ics into site 'de' in {StorePath}: added=0 updated=0 unchanged=3 removed=1"), shortened);
        var audit = new AuditLog(new SqliteStore(StorePath), _time, NullLogger<AuditLog>.Instance).Read(10, ScheduleAuditActions.ShowImport);
        Assert.Equal("added=0 updated=0 unchanged=3 removed=1 from calendar.ics", audit[0].Detail);
        Assert.Equal(("(command line)", "de", "ok"), (audit[0].Actor, audit[0].Target, audit[0].Outcome));
    }

    [Fact]
    public void Run_OverlapWithAnotherCalendar_ExitOneNamingTheShowAndNothingWritten()
    {
        var other = ScheduleSyncTests.Calendar(ScheduleSyncTests.Event("other", "Other", "room-1", "DTSTART:20261015T180000Z", "DTEND:20261015T190000Z"));
        Assert.Equal(0, Run(other).Exit);

        using var stderr = new StringWriter();
        var exit = ScheduleCommand.Run(Arguments(Write(ScheduleFiles.Read("berlin-weekly-dst.ics"))), TextWriter.Null, stderr, _time);

        Assert.Equal(1, exit);
        Assert.Contains("line 12: 'Thursday evening special , autumn collection' (2026-10-15 20:00–22:00 Europe/Berlin) overlaps the scheduled show 'Other'", stderr.ToString(), StringComparison.Ordinal);
        var store = new ScheduleStore(new SqliteStore(StorePath));
        Assert.Equal(["Other"], store.ListShows("de", null, ScheduleFiles.Now, ScheduleFiles.Now.AddDays(90)).Select(s => s.Title));
    }

    public void Dispose() => _dir.Dispose();

    private (int Exit, string Output) Run(string calendar)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = ScheduleCommand.Run(Arguments(Write(calendar)), stdout, stderr, _time);
        Assert.Equal(string.Empty, stderr.ToString());
        return (exit, stdout.ToString().Trim());
    }

    private string Write(string calendar)
    {
        var file = Path.Combine(_dir.Path, "calendar.ics");
        File.WriteAllText(file, calendar);
        return file;
    }

    private string[] Arguments(string file) =>
        ["schedule", "import", "--site", "de", "--file", file, "--time-zone", "Europe/Berlin", "--rooms", "room-1", $"--Dashboard:Store:Path={StorePath}"];
}
