namespace LiveRoom.Probe.Network;

/// <summary>Passive uplink, RTT/loss and the uplink test (configuration section <c>Probe:Network</c>; defaults in <see cref="NetworkDefaults"/>).</summary>
public sealed record NetworkOptions
{
    /// <summary>NIC to measure (e.g. <c>eth0</c>). Empty (default): the default route's interface, else the busiest non-loopback one.</summary>
    public string Interface { get; set; } = string.Empty;

    /// <summary>Period of <c>network</c> points; default 1 s.</summary>
    public TimeSpan SampleInterval { get; set; } = NetworkDefaults.SampleInterval;

    /// <summary>Host whose TCP connect time is the RTT (the broker/collector). Empty: no RTT probe.</summary>
    public string IngestHost { get; set; } = string.Empty;

    /// <summary>TCP port of <see cref="IngestHost"/>; default 8883.</summary>
    public int IngestPort { get; set; } = NetworkDefaults.IngestPort;

    /// <summary>Period of the RTT probe; default 5 s.</summary>
    public TimeSpan RttInterval { get; set; } = NetworkDefaults.RttInterval;

    /// <summary>Connect attempts per probe; default 3 (1–20).</summary>
    public int RttAttempts { get; set; } = NetworkDefaults.RttAttempts;

    /// <summary>A connect slower than this is lost; default 1 s.</summary>
    public TimeSpan RttTimeout { get; set; } = NetworkDefaults.RttTimeout;

    /// <summary>
    /// The collector's uplink endpoint (POST; replies <c>{"bytes":N,"seconds":S,"serverTime":unixMs}</c>), used by the
    /// uplink test and, with an empty body, for the clock offset. Empty: neither.
    /// </summary>
    public string UplinkUrl { get; set; } = string.Empty;

    /// <summary>Period of the clock exchange; default 60 s.</summary>
    public TimeSpan ClockSyncInterval { get; set; } = NetworkDefaults.ClockSyncInterval;

    /// <summary>Length of the uplink test; default 10 s.</summary>
    public TimeSpan UplinkTestDuration { get; set; } = NetworkDefaults.UplinkTestDuration;

    /// <summary>Uplink below this fails, Mbit/s; default 4 (seed clause 6.2.1.1).</summary>
    public double MinUplinkMbps { get; set; } = NetworkDefaults.MinUplinkMbps;

    /// <summary>Headroom over the stream's bitrate, percent; default 25.</summary>
    public double HeadroomPercent { get; set; } = NetworkDefaults.HeadroomPercent;

    /// <summary>Root of the kernel tables (<c>/proc</c>); tests point it at recorded files.</summary>
    public string ProcRoot { get; set; } = NetworkDefaults.ProcRoot;
}
