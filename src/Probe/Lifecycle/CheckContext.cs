using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>What the automatic items are judged against, besides the measurements.</summary>
public sealed record CheckContext
{
    /// <summary>What the encoder must deliver: the show's profile, else the room's <c>Probe:Profile</c>.</summary>
    public required ShowProfile Profile { get; init; }

    public required LifecycleOptions Options { get; init; }

    /// <summary>How far below the profile's fps still passes (29.97 passes 30); <c>Probe:Thresholds:FpsTolerance</c>.</summary>
    public double FpsTolerance { get; init; } = ProbeDefaults.FpsTolerance;

    /// <summary>Whether OBS is configured (<c>Probe:Obs:Url</c>): only then is there an OBS item.</summary>
    public bool ObsEnabled { get; init; }

    /// <summary>Whether the collector's uplink endpoint is configured (<c>Probe:Network:UplinkUrl</c>): the uplink test and the clock exchange.</summary>
    public bool UplinkConfigured { get; init; }

    public double MinUplinkMbps { get; init; } = Network.NetworkDefaults.MinUplinkMbps;

    public double HeadroomPercent { get; init; } = Network.NetworkDefaults.HeadroomPercent;
}
