namespace LiveRoom.Probe.Obs;

/// <summary>Every documented default of <see cref="ObsOptions"/> and the protocol constants of the OBS collector.</summary>
public static class ObsDefaults
{
    /// <summary>
    /// Metric kind of the OBS points (InfluxDB measurement <c>obs</c>, topic <c>metrics/obs</c>). Kept here until the
    /// lead moves it to <c>Contracts.Payloads.MetricKind</c>.
    /// </summary>
    public const string Kind = "obs";

    /// <summary>Polling period of GetStreamStatus, GetStats and GetVideoSettings: 1 s.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long the handshake or one request may take before the connection is dropped and made again: 5 s.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>First reconnect delay; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public static readonly TimeSpan ReconnectMinDelay = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay: 30 s.</summary>
    public static readonly TimeSpan ReconnectMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Frames dropped by the network, percent of the frames of one interval, above which <c>obs_network_drops</c> is raised: 1 %.</summary>
    public const double NetworkDropThresholdPercent = 1.0;

    /// <summary>Largest accepted message from OBS: 1 MiB (the three polled responses are well under 1 KiB).</summary>
    public const int MaxMessageBytes = 1 << 20;

    /// <summary>WebSocket subprotocol: JSON over text frames.</summary>
    public const string SubProtocol = "obswebsocket.json";

    /// <summary>The RPC version this client speaks.</summary>
    public const int RpcVersion = 1;
}
