using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>What the room state is derived from at one moment (besides the clock).</summary>
public sealed record RoomInputs
{
    /// <summary>The schedule in use; null before one was received.</summary>
    public ScheduleMessage? Schedule { get; init; }

    public bool StreamUp { get; init; }

    /// <summary>Critical conditions active now (<see cref="CriticalEvents"/>), worst first.</summary>
    public IReadOnlyList<ActiveEvent> Critical { get; init; } = [];

    /// <summary>The open checklist run; null when none.</summary>
    public ChecklistView? Checklist { get; init; }
}
