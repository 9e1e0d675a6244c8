namespace LiveRoom.Dashboard.Options;

/// <summary>The dashboard's options (configuration section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>The InfluxDB the collector writes to.</summary>
    public InfluxOptions Influx { get; set; } = new();

    /// <summary>How far back the live view looks for a room's latest values. Default 1 min; 10 s to 1 h.</summary>
    public TimeSpan LiveWindow { get; set; } = DashboardDefaults.LiveWindow;

    /// <summary>A room whose newest point is older than this is stale ("no data"). Default 15 s; 2 s to <see cref="LiveWindow"/>.</summary>
    public TimeSpan StaleAfter { get; set; } = DashboardDefaults.StaleAfter;

    /// <summary>The configuration store (users, sessions, audit log).</summary>
    public StoreOptions Store { get; set; } = new();

    /// <summary>Sign-in, sessions and brute-force limits.</summary>
    public SecurityOptions Security { get; set; } = new();

    /// <summary>How often the room wall's event stream pushes a snapshot. Default 2 s; 500 ms to 1 min.</summary>
    public TimeSpan LivePushInterval { get; set; } = DashboardDefaults.LivePushInterval;

    /// <summary>The MQTT session that pushes schedules to edges and reads room states (issue 6). Off when its host is empty.</summary>
    public MqttOptions Mqtt { get; set; } = new();

    /// <summary>How far ahead a recurring calendar event is expanded on import. Default 90 days; 1 to 366 days.</summary>
    public TimeSpan ImportHorizon { get; set; } = DashboardDefaults.ImportHorizon;

    /// <summary>
    /// The collector's alert listener (<c>Ingest:Alerts:HttpUrl</c>, e.g. <c>http://127.0.0.1:5081</c>) whose
    /// <c>/api/incidents</c> the show reports read (incidents, time to acknowledge and resolve). With primary/standby
    /// collectors, every collector's, separated by commas: they are asked in turn until one answers (only the active
    /// one listens, and it has every collector's records). Empty: reports say "incidents not available".
    /// </summary>
    public string? AlertsUrl { get; set; }

    /// <summary>
    /// The collectors' <c>Ingest:Alerts:AdminToken</c>: with it the dashboard's <c>/api/alerting</c> changes alert rules,
    /// the rota and silences on the user's behalf (role-checked and audited). Empty: alert settings are not available.
    /// Never logged.
    /// </summary>
    public string? AlertsAdminToken { get; set; }

    /// <summary>The URLs of <see cref="AlertsUrl"/>, in order (what does not parse is left out; the validator names it).</summary>
    public IReadOnlyList<Uri> AlertsUrls() =>
        (AlertsUrl ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null)
            .OfType<Uri>()
            .ToArray();
}
