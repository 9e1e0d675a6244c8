namespace LiveRoom.Runtime.Services;

/// <summary>A local InfluxDB 1.x (<c>influxd</c>) for the demo and tests; config generated into <see cref="DataDirectory"/>.</summary>
public sealed record InfluxServerOptions
{
    /// <summary>Directory for influxd.conf, meta, data and wal. Created if missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>HTTP (v1 API) port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Run the server in its own process group, so a terminal Ctrl-C reaches only its supervisor.</summary>
    public bool OwnProcessGroup { get; init; }
}
