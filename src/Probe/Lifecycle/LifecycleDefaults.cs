namespace LiveRoom.Probe.Lifecycle;

/// <summary>Every documented default of <see cref="LifecycleOptions"/> (issue 6; seed clause 7.4.3).</summary>
public static class LifecycleDefaults
{
    /// <summary>Directory name (under the state root, then <c>{site}-{room}</c>) of the schedule copy and the run records.</summary>
    public const string Directory = "lifecycle";

    /// <summary>The automatic checklist starts this long before each show: 30 min (seed clause 7.4.3).</summary>
    public static readonly TimeSpan ChecklistLead = TimeSpan.FromMinutes(30);

    /// <summary>A run not all-pass this long before the show escalates (<c>ready_at_t10</c>): 10 min.</summary>
    public static readonly TimeSpan ReadyDeadline = TimeSpan.FromMinutes(10);

    /// <summary>Failed (and not yet measured) automatic items are checked again this often: 1 min.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>The room reads "booked" when its next show starts within this: 2 h.</summary>
    public static readonly TimeSpan BookedLookAhead = TimeSpan.FromHours(2);

    /// <summary>How long "ended" stays on the door before free (or booked): 5 min.</summary>
    public static readonly TimeSpan EndedHold = TimeSpan.FromMinutes(5);

    /// <summary>A stream that comes up this long before a show's start is that show on air: 5 min.</summary>
    public static readonly TimeSpan LiveLead = TimeSpan.FromMinutes(5);

    /// <summary>A show's stream that stops no earlier than this before the show's end has ended; earlier it is a fault: 10 min.</summary>
    public static readonly TimeSpan EarlyEndTolerance = TimeSpan.FromMinutes(10);

    /// <summary>How long a one-off critical event (e.g. <c>stream_stalled</c>) keeps the room in fault: 10 s.</summary>
    public static readonly TimeSpan MomentaryEventHold = TimeSpan.FromSeconds(10);

    /// <summary>Measurements older than this are not used by the checklist: 2 min.</summary>
    public static readonly TimeSpan MaxMeasurementAge = TimeSpan.FromMinutes(2);

    /// <summary>Closed run records are kept on disk this long (they are also stored centrally): 30 days.</summary>
    public static readonly TimeSpan RunRetention = TimeSpan.FromDays(30);

    /// <summary>Period of the state evaluation: 1 s (the door updates within 2 s of a change).</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    /// <summary>Median TCP connect time to the ingest host that passes, ms.</summary>
    public const double MaxRttMs = 150;

    /// <summary>Connect loss to the ingest host that passes, percent.</summary>
    public const double MaxLossPercent = 2;

    /// <summary>Free space for recordings that passes, GiB (a 4-hour show at 10 Mbit/s is about 17 GiB).</summary>
    public const double MinDiskFreeGiB = 20;

    /// <summary>Largest clock offset against the collector that passes, ms.</summary>
    public const double MaxClockOffsetMs = 500;

    /// <summary>Short-term loudness range that passes, LUFS (as <c>liveroom-probe check</c>).</summary>
    public const double LoudnessMinLufs = -30;

    public const double LoudnessMaxLufs = -12;

    /// <summary>OBS frames dropped by the network that still pass, percent.</summary>
    public const double MaxObsDroppedPercent = 0.5;
}
