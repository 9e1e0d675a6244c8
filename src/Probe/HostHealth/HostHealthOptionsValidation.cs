using LiveRoom.Probe.Sinks;

namespace LiveRoom.Probe.HostHealth;

/// <summary>Start-time checks of <see cref="HostHealthOptions"/> (section <c>Probe:Host</c>), for the worker's options validator.</summary>
public static class HostHealthOptionsValidation
{
    public const string Section = "Probe:Host";

    /// <summary>An empty <see cref="HostHealthOptions.RecordingPath"/> passes: the worker fills in the outbox directory.</summary>
    public static void Validate(HostHealthOptions o, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(failures);
        OptionRules.Duration(failures, Section + ":SampleInterval", o.SampleInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), HostHealthDefaults.SampleInterval);
        if (o.RecordingPath.Length > 0 && !Path.IsPathFullyQualified(o.RecordingPath))
        {
            failures.Add($"{Section}:RecordingPath '{o.RecordingPath}' must be an absolute path (the directory recordings go to; default the outbox directory)");
        }
    }
}
