using System.Globalization;
using System.Text;

namespace LiveRoom.Probe.Obs;

/// <summary>OBS Studio statistics over obs-websocket v5 (configuration section <c>Probe:Obs</c>; defaults in <see cref="ObsDefaults"/>).</summary>
public sealed record ObsOptions
{
    /// <summary>obs-websocket address, e.g. <c>ws://127.0.0.1:4455</c>. Empty (the default) disables the OBS collector.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>obs-websocket server password; empty when authentication is off in OBS. Never logged.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Polling period; default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = ObsDefaults.PollInterval;

    /// <summary>Timeout of the handshake and of each request; default 5 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = ObsDefaults.RequestTimeout;

    /// <summary>First reconnect delay; default 1 s, doubling up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = ObsDefaults.ReconnectMinDelay;

    /// <summary>Longest reconnect delay; default 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = ObsDefaults.ReconnectMaxDelay;

    /// <summary>Percent of one interval's frames dropped by the network above which an event is raised; default 1 %.</summary>
    public double NetworkDropThresholdPercent { get; set; } = ObsDefaults.NetworkDropThresholdPercent;

    /// <summary>Whether the collector runs (<see cref="Url"/> is set).</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The record's text without the password (options end up in logs and exception messages).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Url = {Url}, Password = {(Password.Length > 0 ? "***" : string.Empty)}, PollInterval = {PollInterval:c}, ");
        builder.Append(CultureInfo.InvariantCulture, $"RequestTimeout = {RequestTimeout:c}, ReconnectMinDelay = {ReconnectMinDelay:c}, ReconnectMaxDelay = {ReconnectMaxDelay:c}, ");
        builder.Append(CultureInfo.InvariantCulture, $"NetworkDropThresholdPercent = {NetworkDropThresholdPercent}");
        return true;
    }
}
