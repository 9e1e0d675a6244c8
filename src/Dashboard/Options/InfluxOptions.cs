namespace LiveRoom.Dashboard.Options;

/// <summary>Where the dashboard reads metrics: an InfluxDB v1 HTTP API (<c>Dashboard:Influx:*</c>).</summary>
public sealed class InfluxOptions
{
    /// <summary>Base URL of the InfluxDB v1 HTTP API, e.g. <c>http://127.0.0.1:8086</c>. Required.</summary>
    public string? Url { get; set; }

    /// <summary>Database name. Default <c>liveroom</c>.</summary>
    public string Database { get; set; } = DashboardDefaults.Database;

    /// <summary>Retention policy the collector writes to. Default <c>liveroom</c>.</summary>
    public string RetentionPolicy { get; set; } = DashboardDefaults.RetentionPolicy;

    /// <summary>Optional InfluxDB user (sent as HTTP basic authentication). Default none.</summary>
    public string? Username { get; set; }

    /// <summary>Password of <see cref="Username"/>. Default none. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Timeout of one query. Default 5 s; 1 s to 2 min.</summary>
    public TimeSpan QueryTimeout { get; set; } = DashboardDefaults.QueryTimeout;

    /// <summary>
    /// Keep the 1-minute rollup (retention policy <c>{RetentionPolicy}_1m</c> and a continuous query) that long ranges
    /// read. Default true; needs InfluxDB rights to create retention policies and continuous queries.
    /// </summary>
    public bool Rollup { get; set; } = true;

    /// <summary><see cref="Url"/> as an HTTP client's base address (ending in '/'), or null when it is not an absolute URL.</summary>
    public Uri? BaseAddress() => Uri.TryCreate(Url?.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;
}
