namespace LiveRoom.Mqtt;

/// <summary>TLS for MQTT (seed clause 4.5: CA-issued certificates).</summary>
public sealed record MqttTlsOptions
{
    /// <summary>PEM file with the CA certificate(s) that signed the broker's certificate. Required.</summary>
    public required string CaFile { get; init; }

    /// <summary>Client certificate (PEM) for certificate authentication; optional.</summary>
    public string? CertFile { get; init; }

    /// <summary>Private key (PEM) of <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; init; }
}
