using LiveRoom.Probe.Sinks;

namespace LiveRoom.Probe.Obs;

/// <summary>Start-time checks of <see cref="ObsOptions"/> (section <c>Probe:Obs</c>), for the worker's options validator.</summary>
public static class ObsOptionsValidation
{
    public const string Section = "Probe:Obs";

    public static void Validate(ObsOptions o, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(o);
        OptionRules.OptionalUrl(failures, Section + ":Url", o.Url, "ws", "wss");
        OptionRules.Duration(failures, Section + ":PollInterval", o.PollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1), ObsDefaults.PollInterval);
        OptionRules.Duration(failures, Section + ":RequestTimeout", o.RequestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1), ObsDefaults.RequestTimeout);
        OptionRules.Duration(failures, Section + ":ReconnectMinDelay", o.ReconnectMinDelay, TimeSpan.FromMilliseconds(10), o.ReconnectMaxDelay, ObsDefaults.ReconnectMinDelay);
        OptionRules.Duration(failures, Section + ":ReconnectMaxDelay", o.ReconnectMaxDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10), ObsDefaults.ReconnectMaxDelay);
        OptionRules.Number(failures, Section + ":NetworkDropThresholdPercent", o.NetworkDropThresholdPercent, 0, 100, ObsDefaults.NetworkDropThresholdPercent);
    }
}
