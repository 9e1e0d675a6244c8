namespace LiveRoom.Probe.HostHealth;

/// <summary>The studio PC's health (configuration section <c>Probe:Host</c>; defaults in <see cref="HostHealthDefaults"/>).</summary>
public sealed record HostHealthOptions
{
    /// <summary>Period of <c>host</c> points; default 5 s.</summary>
    public TimeSpan SampleInterval { get; set; } = HostHealthDefaults.SampleInterval;

    /// <summary>
    /// A directory on the filesystem where recordings go (its free space is reported). The worker defaults it to the
    /// outbox directory. A path that does not exist yet is measured at its nearest existing parent.
    /// </summary>
    public string RecordingPath { get; set; } = string.Empty;

    /// <summary>Root of /proc; tests point it at recorded files.</summary>
    public string ProcRoot { get; set; } = HostHealthDefaults.ProcRoot;

    /// <summary>Root of the thermal zones (<c>/sys/class/thermal</c>); tests point it at recorded files.</summary>
    public string ThermalRoot { get; set; } = HostHealthDefaults.ThermalRoot;
}
