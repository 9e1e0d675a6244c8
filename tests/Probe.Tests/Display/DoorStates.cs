using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Tests.Display;

/// <summary>
/// Room states for the door display tests. The clock is 2026-11-22 05:30 UTC = 13:30 in Asia/Shanghai; the show runs
/// 14:00–16:00 there (06:00–08:00 UTC), the next one at 16:30.
/// </summary>
internal static class DoorStates
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 5, 30, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ShowStart = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ShowEnd = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset NextStart = new(2026, 11, 22, 8, 30, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static ShowSummary Show(string title = "双十一美妆专场", string host = "李佳") => new()
    {
        Id = "show-1",
        Title = title,
        Host = host,
        Start = ShowStart.ToUnixTimeMilliseconds(),
        End = ShowEnd.ToUnixTimeMilliseconds(),
    };

    public static ShowSummary NextShow(string title = "晚间专场") => new()
    {
        Id = "show-2",
        Title = title,
        Start = NextStart.ToUnixTimeMilliseconds(),
        End = NextStart.AddHours(2).ToUnixTimeMilliseconds(),
    };

    public static RoomStateMessage State(string state, ShowSummary? show = null, ShowSummary? next = null, string reason = "", ChecklistProgress? checklist = null, DateTimeOffset? since = null, bool unscheduled = false) => new()
    {
        V = 1,
        Site = "demo",
        Room = "room-1",
        Ts = Now.ToUnixTimeMilliseconds(),
        State = state,
        Since = (since ?? Now).ToUnixTimeMilliseconds(),
        Show = show,
        Next = next,
        Reason = reason,
        Checklist = checklist,
        Unscheduled = unscheduled,
        TimeZone = "Asia/Shanghai",
    };

    public static ChecklistProgress Progress(int passed, int total, params string[] failing) =>
        new() { Run = "run-1", Passed = passed, Total = total, Failing = failing };
}
