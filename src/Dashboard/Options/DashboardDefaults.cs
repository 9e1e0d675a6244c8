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

    /// <summary>SQLite file of the configuration store: <c>dashboard.db</c>.</summary>
    public const string DatabaseFile = "dashboard.db";

    /// <summary>A session unused this long ends: 30 min.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in: 12 h (one shift).</summary>
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins that lock a user: 5 within <see cref="FailureWindow"/>.</summary>
    public const int MaxFailuresPerUser = 5;

    /// <summary>Failed sign-ins that block an IP address: 20 within <see cref="FailureWindow"/>.</summary>
    public const int MaxFailuresPerIp = 20;

    /// <summary>Window for counting failed sign-ins: 15 min.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    /// <summary>How long a lockout lasts: 15 min.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>How often the room wall's event stream pushes a fresh snapshot: 2 s.</summary>
    public static readonly TimeSpan LivePushInterval = TimeSpan.FromSeconds(2);

    /// <summary>MQTT broker port: 1883.</summary>
    public const int MqttPort = 1883;

    /// <summary>MQTT client id of the dashboard: <c>liveroom-dashboard</c>.</summary>
    public const string MqttClientId = "liveroom-dashboard";

    /// <summary>How long a schedule publish waits for PUBACK: 10 s.</summary>
    public static readonly TimeSpan MqttPublishTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often every room's schedule is republished: 1 h.</summary>
    public static readonly TimeSpan MqttRefreshInterval = TimeSpan.FromHours(1);

    /// <summary>How far ahead a recurring calendar event is expanded on import: 90 days.</summary>
    public static readonly TimeSpan ImportHorizon = TimeSpan.FromDays(90);

    /// <summary>Largest schedule file accepted by the import: 2 MiB.</summary>
    public const int MaxImportBytes = 2 * 1024 * 1024;
}
