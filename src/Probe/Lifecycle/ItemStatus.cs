namespace LiveRoom.Probe.Lifecycle;

/// <summary>Values of the <c>status</c> field of checklist points (<see cref="Contracts.Payloads.Lifecycle.ChecklistFields.Status"/>).</summary>
public static class ItemStatus
{
    public const string Pass = "pass";
    public const string Warn = "warn";
    public const string Fail = "fail";

    /// <summary>Not measured yet (an uplink test under way, no stream to measure).</summary>
    public const string Pending = "pending";

    /// <summary>A manual item a technician confirmed.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>A manual item not confirmed yet.</summary>
    public const string Open = "open";

    /// <summary>Run statuses.</summary>
    public const string Running = "running";

    public const string Ready = "ready";
    public const string NotReady = "not-ready";
    public const string Aborted = "aborted";
}
