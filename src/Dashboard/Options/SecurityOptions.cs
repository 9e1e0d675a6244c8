namespace LiveRoom.Dashboard.Options;

/// <summary>Sign-in and session settings (<c>Dashboard:Security:*</c>), issue 8 item 5.</summary>
public sealed class SecurityOptions
{
    /// <summary>A session unused this long ends. Default 30 min; 1 min to 24 h.</summary>
    public TimeSpan IdleTimeout { get; set; } = DashboardDefaults.IdleTimeout;

    /// <summary>A session ends this long after sign-in, used or not. Default 12 h; 5 min to 30 days.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = DashboardDefaults.AbsoluteTimeout;

    /// <summary>Failed sign-ins for one user within <see cref="FailureWindow"/> that lock the user. Default 5; 1 to 100.</summary>
    public int MaxFailuresPerUser { get; set; } = DashboardDefaults.MaxFailuresPerUser;

    /// <summary>Failed sign-ins from one IP address within <see cref="FailureWindow"/> that block the address. Default 20; 1 to 1000.</summary>
    public int MaxFailuresPerIp { get; set; } = DashboardDefaults.MaxFailuresPerIp;

    /// <summary>Window in which failures are counted. Default 15 min; 1 min to 24 h.</summary>
    public TimeSpan FailureWindow { get; set; } = DashboardDefaults.FailureWindow;

    /// <summary>How long a locked user or blocked address stays refused. Default 15 min; 1 min to 24 h.</summary>
    public TimeSpan LockoutDuration { get; set; } = DashboardDefaults.LockoutDuration;

    /// <summary>
    /// Kiosk mode: a request without a session is served as the read-only role <c>kiosk</c> (room wall and room pages;
    /// no reports, no changes, no users, no audit), for a wall screen on a trusted network and for <c>make demo</c>.
    /// Default false: everything needs sign-in.
    /// </summary>
    public bool Kiosk { get; set; }
}
