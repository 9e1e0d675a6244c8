using LiveRoom.Probe.Outbox;

namespace LiveRoom.Probe.Hosting;

/// <summary>The edge worker's settings (configuration section <c>Probe</c>; defaults in <see cref="ProbeDefaults"/>).</summary>
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

    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>The MQTT client id and default user name: <c>edge-{site}-{room}</c>.</summary>
    public string ClientId => $"edge-{Site}-{Room}";
}
