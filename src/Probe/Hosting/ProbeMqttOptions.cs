namespace LiveRoom.Probe.Hosting;

/// <summary>Broker connection of the edge (<c>Probe:Mqtt</c>). The client id is always <c>edge-{site}-{room}</c>.</summary>
public sealed class ProbeMqttOptions
{
    /// <summary>Broker host; default 127.0.0.1.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker port, 1–65535; default 1883.</summary>
    public int Port { get; set; } = ProbeDefaults.MqttPort;

    /// <summary>User name; default <c>edge-{site}-{room}</c> (the per-room credentials of issue 3 item 6).</summary>
    public string? Username { get; set; }

    /// <summary>Password; none by default. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>PEM CA file: when set, the connection uses TLS and the file must exist.</summary>
    public string? CaFile { get; set; }
}
