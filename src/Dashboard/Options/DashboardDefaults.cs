namespace LiveRoom.Dashboard.Options;

/// <summary>Every default of the dashboard's options, in one place.</summary>
public static class DashboardDefaults
{
    /// <summary>Configuration section: <c>Dashboard</c>.</summary>
    public const string Section = "Dashboard";

    /// <summary>InfluxDB database the collector writes to: <c>liveroom</c>.</summary>
    public const string Database = "liveroom";

    /// <summary>Retention policy the collector writes to: <c>liveroom</c> (at least 60 days, seed clauses 6.2.3 and 7.4.5).</summary>
    public const string RetentionPolicy = "liveroom";

    /// <summary>Timeout of one InfluxDB query: 5 s.</summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How far back the live view looks for a room's latest values: 1 minute.</summary>
    public static readonly TimeSpan LiveWindow = TimeSpan.FromMinutes(1);

    /// <summary>A room whose newest point is older than this shows "no data": 15 s.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(15);
}
