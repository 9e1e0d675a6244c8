using LiveRoom.Probe.Sinks;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>Range checks of <see cref="LifecycleOptions"/>; every message names the key, the value, the range and the default.</summary>
internal static class LifecycleOptionsValidation
{
    private const string Prefix = "Probe:Lifecycle:";

    public static void Validate(LifecycleOptions o, ICollection<string> failures)
    {
        var second = TimeSpan.FromSeconds(1);
        OptionRules.Duration(failures, Prefix + "ChecklistLead", o.ChecklistLead, TimeSpan.FromSeconds(5), TimeSpan.FromHours(4), LifecycleDefaults.ChecklistLead);
        OptionRules.Duration(failures, Prefix + "ReadyDeadline", o.ReadyDeadline, TimeSpan.Zero, o.ChecklistLead > second ? o.ChecklistLead - second : TimeSpan.Zero, LifecycleDefaults.ReadyDeadline);
        OptionRules.Duration(failures, Prefix + "RecheckInterval", o.RecheckInterval, second, TimeSpan.FromMinutes(30), LifecycleDefaults.RecheckInterval);
        OptionRules.Duration(failures, Prefix + "BookedLookAhead", o.BookedLookAhead, TimeSpan.Zero, TimeSpan.FromDays(7), LifecycleDefaults.BookedLookAhead);
        OptionRules.Duration(failures, Prefix + "EndedHold", o.EndedHold, TimeSpan.Zero, TimeSpan.FromHours(1), LifecycleDefaults.EndedHold);
        OptionRules.Duration(failures, Prefix + "LiveLead", o.LiveLead, TimeSpan.Zero, TimeSpan.FromHours(1), LifecycleDefaults.LiveLead);
        OptionRules.Duration(failures, Prefix + "EarlyEndTolerance", o.EarlyEndTolerance, TimeSpan.Zero, TimeSpan.FromHours(2), LifecycleDefaults.EarlyEndTolerance);
        OptionRules.Number(failures, Prefix + "MaxRttMs", o.MaxRttMs, 1, 10_000, LifecycleDefaults.MaxRttMs);
        OptionRules.Number(failures, Prefix + "MaxLossPercent", o.MaxLossPercent, 0, 100, LifecycleDefaults.MaxLossPercent);
        OptionRules.Number(failures, Prefix + "MinDiskFreeGiB", o.MinDiskFreeGiB, 0, 1_000_000, LifecycleDefaults.MinDiskFreeGiB);
        OptionRules.Number(failures, Prefix + "MaxClockOffsetMs", o.MaxClockOffsetMs, 1, 3_600_000, LifecycleDefaults.MaxClockOffsetMs);
        OptionRules.Number(failures, Prefix + "LoudnessMinLufs", o.LoudnessMinLufs, -70, 0, LifecycleDefaults.LoudnessMinLufs);
        OptionRules.Number(failures, Prefix + "LoudnessMaxLufs", o.LoudnessMaxLufs, o.LoudnessMinLufs, 0, LifecycleDefaults.LoudnessMaxLufs);
        OptionRules.Number(failures, Prefix + "MaxObsDroppedPercent", o.MaxObsDroppedPercent, 0, 100, LifecycleDefaults.MaxObsDroppedPercent);
    }
}
