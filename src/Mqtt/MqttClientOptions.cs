namespace LiveRoom.Mqtt;

/// <summary>Settings of one MQTT session. Defaults are in <see cref="MqttDefaults"/>.</summary>
public sealed record MqttClientOptions
{
    /// <summary>Broker host name or address. Required.</summary>
    public required string Host { get; init; }

    /// <summary>Broker port; default 1883 (8883 is usual with TLS).</summary>
    public int Port { get; init; } = MqttDefaults.Port;

    /// <summary>Client id. A persistent session (<see cref="CleanStart"/> false) needs a fixed one.</summary>
    public required string ClientId { get; init; }

    /// <summary>MQTT v5 clean start. False keeps the session (and queued QoS 1 messages) across reconnects.</summary>
    public bool CleanStart { get; init; } = true;

    /// <summary>v5 session expiry after disconnect; default 7 days when <see cref="CleanStart"/> is false.</summary>
    public TimeSpan SessionExpiry { get; init; } = MqttDefaults.SessionExpiry;

    public TimeSpan KeepAlive { get; init; } = MqttDefaults.KeepAlive;

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>TLS settings; null for plain TCP.</summary>
    public MqttTlsOptions? Tls { get; init; }

    /// <summary>Last will, published by the broker when the connection drops without DISCONNECT.</summary>
    public MqttWill? Will { get; init; }

    /// <summary>First reconnect delay; doubles up to <see cref="ReconnectMaxDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = MqttDefaults.ReconnectMinDelay;

    public TimeSpan ReconnectMaxDelay { get; init; } = MqttDefaults.ReconnectMaxDelay;

    /// <summary>How long <see cref="IMqttClient.ConnectAsync"/> waits for CONNACK.</summary>
    public TimeSpan ConnectTimeout { get; init; } = MqttDefaults.ConnectTimeout;

    /// <summary>QoS 1/2 messages in flight at once (libmosquitto's max_inflight_messages).</summary>
    public int MaxInflight { get; init; } = MqttDefaults.MaxInflight;

    /// <summary>
    /// Called for each received message, in order, on one dispatcher task (never the native thread).
    /// An exception is logged and counted; the next message is still delivered.
    /// </summary>
    public Func<MqttMessage, CancellationToken, ValueTask>? OnMessage { get; init; }
}
