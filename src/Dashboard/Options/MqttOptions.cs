namespace LiveRoom.Dashboard.Options;

/// <summary>
/// The dashboard's MQTT session (<c>Dashboard:Mqtt:*</c>): it publishes each room's schedule to its edge (retained on
/// <c>cmd/schedule</c>), sends checklist commands, and reads room states (issue 6). An empty <see cref="Host"/> turns it off.
/// </summary>
public sealed class MqttOptions
{
    /// <summary>Broker host name or address. Default empty: off (schedules stay in the store only; the log says so).</summary>
    public string? Host { get; set; }

    /// <summary>Broker port. Default 1883; 1 to 65535.</summary>
    public int Port { get; set; } = DashboardDefaults.MqttPort;

    /// <summary>Client id. Default <c>liveroom-dashboard</c>.</summary>
    public string ClientId { get; set; } = DashboardDefaults.MqttClientId;

    /// <summary>Broker user name. Default none.</summary>
    public string? Username { get; set; }

    /// <summary>Password of <see cref="Username"/>. Default none. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>CA file (PEM) for TLS; default none (plain TCP).</summary>
    public string? CaFile { get; set; }

    /// <summary>How long one publish may wait for the broker's PUBACK before the room stays marked for a retry. Default 10 s; 1 s to 2 min.</summary>
    public TimeSpan PublishTimeout { get; set; } = DashboardDefaults.MqttPublishTimeout;

    /// <summary>
    /// How often every room's schedule is published again even without a change, so an edge's list follows the
    /// clock when more than <c>ScheduleMessage.MaxShows</c> shows are planned. Default 1 h; 1 min to 24 h.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = DashboardDefaults.MqttRefreshInterval;

    /// <summary>True when a broker is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
