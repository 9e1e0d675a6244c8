using LiveRoom.Mqtt;

namespace LiveRoom.Ingest.Options;

/// <summary>The collector's MQTT session (section <c>Ingest:Mqtt</c>).</summary>
public sealed class IngestMqttOptions
{
    public string Host { get; set; } = IngestDefaults.MqttHost;

    public int Port { get; set; } = IngestDefaults.MqttPort;

    /// <summary>Fixed client id of the persistent session; default <c>liveroom-ingest</c>.</summary>
    public string ClientId { get; set; } = IngestDefaults.ClientId;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>CA file (PEM) for TLS; null for plain TCP.</summary>
    public string? CaFile { get; set; }

    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    /// <summary>A session of the collector's account (broker, credentials, TLS) under <paramref name="clientId"/>.</summary>
    public MqttClientOptions Session(string clientId) => new()
    {
        Host = Host,
        Port = Port,
        ClientId = clientId,
        Username = Username,
        Password = Password,
        Tls = CaFile is null ? null : new MqttTlsOptions { CaFile = CaFile, CertFile = CertFile, KeyFile = KeyFile },
    };
}
