namespace LiveRoom.Runtime.Services;

/// <summary>A local Mosquitto broker for the demo and tests; its config is generated into <see cref="DataDirectory"/>.</summary>
public sealed record MosquittoServerOptions
{
    /// <summary>Directory for the generated mosquitto.conf, the persistence file and the log. Created if missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Plain MQTT port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Keep sessions and queued messages in mosquitto.db (saved on shutdown and every <see cref="AutosaveInterval"/>).</summary>
    public bool Persistence { get; init; } = true;

    /// <summary>Mosquitto's periodic persistence snapshot; what a kill -9 of the broker can lose is since the last one.</summary>
    public TimeSpan AutosaveInterval { get; init; } = TimeSpan.FromSeconds(60);

    public bool AllowAnonymous { get; init; } = true;

    /// <summary>mosquitto password file (see liveroom-ingest security generate).</summary>
    public string? PasswordFile { get; init; }

    public string? AclFile { get; init; }

    /// <summary>An additional TLS listener; null for none.</summary>
    public MosquittoTlsListener? Tls { get; init; }

    /// <summary>mosquitto's max_queued_messages per client (it drops silently beyond it; the end-to-end ack covers that).</summary>
    public int MaxQueuedMessages { get; init; } = 100_000;

    /// <summary>Extra lines appended to the generated config.</summary>
    public string? ExtraConfig { get; init; }

    /// <summary>Run the server in its own process group, so a terminal Ctrl-C reaches only its supervisor.</summary>
    public bool OwnProcessGroup { get; init; }
}
