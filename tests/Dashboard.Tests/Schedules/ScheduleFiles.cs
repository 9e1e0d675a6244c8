namespace LiveRoom.Dashboard.Tests.Schedules;

/// <summary>The schedule files under TestData/Schedules.</summary>
internal static class ScheduleFiles
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Schedules", name));

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>"Now" for the parser tests: before every show in the files.</summary>
    public static readonly DateTimeOffset Now = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
}
