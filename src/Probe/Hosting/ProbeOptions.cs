using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Display;
using LiveRoom.Probe.HostHealth;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Probe.Network;
using LiveRoom.Probe.Obs;
using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Vision;

namespace LiveRoom.Probe.Hosting;

/// <summary>The edge worker's settings (configuration section <c>Probe</c>; defaults in <see cref="ProbeDefaults"/>).</summary>
/// <remarks>
/// Every settable property here and in the nested options has a <c>set</c> accessor, not <c>init</c>: the probe ships as a
/// native executable (decision 0018), whose source-generated configuration binder leaves an <c>init</c> property at its
/// default without a word (ProbeOptionsBindingTests walks the tree).
/// </remarks>
public sealed class ProbeOptions
{
    public const string Section = "Probe";

    /// <summary>Site identifier (1–64 of letters, digits, '-', '_', '.'). Required.</summary>
    public string Site { get; set; } = string.Empty;

    /// <summary>Room identifier (same rule as <see cref="Site"/>). Required.</summary>
    public string Room { get; set; } = string.Empty;

    /// <summary>What the room's encoder sends, as ffmpeg reads it: srt://, rtmp://, udp://, or a file. Required.</summary>
    public string SourceUrl { get; set; } = string.Empty;

    /// <summary>The ffmpeg program; default <c>ffmpeg</c> on PATH.</summary>
    public string Ffmpeg { get; set; } = ProbeDefaults.Ffmpeg;

    public ProbeMqttOptions Mqtt { get; set; } = new();

    /// <summary>What the room's encoder should send (<c>Probe:Profile:Width/Height/Fps/MinBitrate/MaxBitrate</c>); default 1080p30, 4–20 Mbit/s.</summary>
    public ExpectedProfile Profile { get; set; } = new();

    /// <summary>When measurements become events (<c>Probe:Thresholds:...</c>).</summary>
    public ProbeThresholds Thresholds { get; set; } = new();

    /// <summary>
    /// The outbox. <c>Probe:Outbox:Directory</c> defaults to <c>outbox/{site}-{room}</c> under systemd's
    /// <c>$STATE_DIRECTORY</c> (else the working directory).
    /// </summary>
    public OutboxOptions Outbox { get; set; } = new() { Directory = string.Empty };

    /// <summary>OBS Studio statistics over obs-websocket 5 (<c>Probe:Obs</c>); off while <c>Probe:Obs:Url</c> is empty.</summary>
    public ObsOptions Obs { get; set; } = new();

    /// <summary>NIC rates, RTT/loss to the ingest host (default: the broker), uplink test (<c>Probe:Network</c>).</summary>
    public NetworkOptions Network { get; set; } = new();

    /// <summary>The studio PC's health (<c>Probe:Host</c>); <c>RecordingPath</c> defaults to the outbox directory.</summary>
    public HostHealthOptions Host { get; set; } = new();

    /// <summary>Lighting and framing checks on the sampled pictures (<c>Probe:Vision</c>, issue 5).</summary>
    public VisionOptions Vision { get; set; } = new();

    /// <summary>
    /// Schedules, the pre-show checklist and the room state (<c>Probe:Lifecycle</c>, issue 6). <c>Directory</c> defaults to
    /// <c>lifecycle/{site}-{room}</c> under <c>$STATE_DIRECTORY</c> (else the working directory).
    /// </summary>
    public LifecycleOptions Lifecycle { get; set; } = new();

    /// <summary>The door display's kiosk page served by the edge (<c>Probe:Display</c>); empty <c>Url</c> turns it off.</summary>
    public DoorDisplayOptions Display { get; set; } = new();

    /// <summary>
    /// Where the room's approved reference frame and layout live (<c>Probe:ReferenceDirectory</c>); default
    /// <c>reference/{site}-{room}</c> under <c>$STATE_DIRECTORY</c> (else the working directory). Without one the
    /// room reads "not commissioned" and framing is never passed.
    /// </summary>
    public string ReferenceDirectory { get; set; } = string.Empty;

    /// <summary>Fills in the defaults that depend on other settings.</summary>
    internal void ApplyDefaults()
    {
        // systemd's StateDirectory= (the first one when several are listed), else the working directory.
        var state = Environment.GetEnvironmentVariable("STATE_DIRECTORY")?.Split(':')[0];
        var root = string.IsNullOrEmpty(state) ? Environment.CurrentDirectory : state;
        if (string.IsNullOrWhiteSpace(Outbox.Directory))
        {
            Outbox.Directory = Path.Combine(root, ProbeDefaults.OutboxDirectory, $"{Site}-{Room}");
        }

        if (string.IsNullOrWhiteSpace(Lifecycle.Directory))
        {
            Lifecycle = Lifecycle with { Directory = Path.Combine(root, ProbeDefaults.LifecycleDirectory, $"{Site}-{Room}") };
        }

        if (string.IsNullOrWhiteSpace(ReferenceDirectory))
        {
            ReferenceDirectory = Path.Combine(root, "reference", $"{Site}-{Room}");
        }

        if (string.IsNullOrWhiteSpace(Host.RecordingPath))
        {
            Host = Host with { RecordingPath = Path.GetFullPath(Outbox.Directory) };
        }

        if (string.IsNullOrWhiteSpace(Network.IngestHost))
        {
            Network = Network with { IngestHost = Mqtt.Host, IngestPort = Mqtt.Port };
        }
    }

    /// <summary>The MQTT client id and default user name: <c>edge-{site}-{room}</c>.</summary>
    public string ClientId => $"edge-{Site}-{Room}";
}
