namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// Schedules, the pre-show checklist and the room state (configuration section <c>Probe:Lifecycle</c>; defaults in
/// <see cref="LifecycleDefaults"/>, checked by <see cref="LifecycleOptionsValidation"/>).
/// </summary>
public sealed record LifecycleOptions
{
    /// <summary>Where the last good schedule and the run records are kept; default <c>lifecycle/{site}-{room}</c> under the state root.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>Checklist start before each show; default 30 min.</summary>
    public TimeSpan ChecklistLead { get; set; } = LifecycleDefaults.ChecklistLead;

    /// <summary>The escalation point before each show (T-10); default 10 min; less than <see cref="ChecklistLead"/>.</summary>
    public TimeSpan ReadyDeadline { get; set; } = LifecycleDefaults.ReadyDeadline;

    /// <summary>Re-check period of items that do not pass; default 1 min.</summary>
    public TimeSpan RecheckInterval { get; set; } = LifecycleDefaults.RecheckInterval;

    /// <summary>"booked" look-ahead; default 2 h.</summary>
    public TimeSpan BookedLookAhead { get; set; } = LifecycleDefaults.BookedLookAhead;

    /// <summary>How long "ended" is shown; default 5 min.</summary>
    public TimeSpan EndedHold { get; set; } = LifecycleDefaults.EndedHold;

    /// <summary>A stream up this long before a show's start is the show on air; default 5 min.</summary>
    public TimeSpan LiveLead { get; set; } = LifecycleDefaults.LiveLead;

    /// <summary>A stream stopping within this of the show's end has ended; earlier it is a fault; default 10 min.</summary>
    public TimeSpan EarlyEndTolerance { get; set; } = LifecycleDefaults.EarlyEndTolerance;

    /// <summary>RTT to the ingest host that passes, ms; default 150.</summary>
    public double MaxRttMs { get; set; } = LifecycleDefaults.MaxRttMs;

    /// <summary>Connect loss to the ingest host that passes, percent; default 2.</summary>
    public double MaxLossPercent { get; set; } = LifecycleDefaults.MaxLossPercent;

    /// <summary>Free recording space that passes, GiB; default 20 (a quarter of it still warns, less fails).</summary>
    public double MinDiskFreeGiB { get; set; } = LifecycleDefaults.MinDiskFreeGiB;

    /// <summary>Clock offset against the collector that passes, ms; default 500.</summary>
    public double MaxClockOffsetMs { get; set; } = LifecycleDefaults.MaxClockOffsetMs;

    /// <summary>Lowest short-term loudness that passes, LUFS; default -30.</summary>
    public double LoudnessMinLufs { get; set; } = LifecycleDefaults.LoudnessMinLufs;

    /// <summary>Highest short-term loudness that passes, LUFS; default -12.</summary>
    public double LoudnessMaxLufs { get; set; } = LifecycleDefaults.LoudnessMaxLufs;

    /// <summary>OBS network drops that still pass, percent; default 0.5.</summary>
    public double MaxObsDroppedPercent { get; set; } = LifecycleDefaults.MaxObsDroppedPercent;
}
