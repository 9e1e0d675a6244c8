namespace LiveRoom.Contracts.Topics;

/// <summary>Names under <c>cmd/</c> (central to edge, <see cref="Topic.Command"/>).</summary>
public static class CommandName
{
    /// <summary>Retained <see cref="Payloads.Lifecycle.ScheduleMessage"/>.</summary>
    public const string Schedule = "schedule";

    /// <summary><see cref="Payloads.Lifecycle.ChecklistCommand"/>: run now, confirm a manual item.</summary>
    public const string Checklist = "checklist";

    /// <summary>Reference-frame capture and layout push (vision, issue 5).</summary>
    public const string Reference = "reference";
}
