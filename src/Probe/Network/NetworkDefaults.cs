namespace LiveRoom.Probe.Network;

/// <summary>Every documented default of <see cref="NetworkOptions"/> and of the uplink test.</summary>
public static class NetworkDefaults
{
    /// <summary>Period of <c>network</c> points (NIC rates): 1 s.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    /// <summary>Period of the RTT/loss probe to the ingest host: 5 s.</summary>
    public static readonly TimeSpan RttInterval = TimeSpan.FromSeconds(5);

    /// <summary>TCP connects per RTT probe; loss = failed ÷ attempts.</summary>
    public const int RttAttempts = 3;

    /// <summary>A connect taking longer than this counts as lost: 1 s.</summary>
    public static readonly TimeSpan RttTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The MQTT-over-TLS port, the usual RTT target when no port is configured.</summary>
    public const int IngestPort = 8883;

    /// <summary>Period of the clock exchange with the collector's uplink endpoint: 60 s.</summary>
    public static readonly TimeSpan ClockSyncInterval = TimeSpan.FromSeconds(60);

    /// <summary>Length of the active uplink test of the pre-show checklist: 10 s.</summary>
    public static readonly TimeSpan UplinkTestDuration = TimeSpan.FromSeconds(10);

    /// <summary>Minimum uplink per room, Mbit/s (seed clause 6.2.1.1).</summary>
    public const double MinUplinkMbps = 4.0;

    /// <summary>Headroom above the stream's bitrate the uplink must have, percent.</summary>
    public const double HeadroomPercent = 25.0;

    /// <summary>Clock samples the estimator keeps (the one with the smallest round trip wins, as NTP's clock filter).</summary>
    public const int ClockWindow = 8;

    /// <summary>Samples older than this are not used: 30 min.</summary>
    public static readonly TimeSpan ClockMaxAge = TimeSpan.FromMinutes(30);

    /// <summary>Where the kernel's network tables are read.</summary>
    public const string ProcRoot = "/proc";
}
