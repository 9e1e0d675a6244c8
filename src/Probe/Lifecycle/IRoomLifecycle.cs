using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// The room's lifecycle as the edge's own door display (and anything else local) sees it: the current state, its
/// changes, the manual checklist items of the current run, and the two things a technician can do at the door.
/// Implemented by the lifecycle (state machine + checklist runner); the door display server only consumes it.
/// </summary>
public interface IRoomLifecycle
{
    /// <summary>The state now (never null: <see cref="RoomStates.Free"/> before anything is known).</summary>
    RoomStateMessage Current { get; }

    /// <summary>Yields <see cref="Current"/> at once, then every change until cancelled. Several watchers may run at once.</summary>
    IAsyncEnumerable<RoomStateMessage> WatchAsync(CancellationToken cancellationToken);

    /// <summary>Manual items of the current checklist run with who confirmed them; empty when no run is active.</summary>
    IReadOnlyList<ManualItemStatus> ManualItems { get; }

    /// <summary>Records a technician's confirmation of a manual item of the current run.</summary>
    ValueTask<LifecycleResult> ConfirmAsync(string item, string by, CancellationToken cancellationToken);

    /// <summary>Starts a checklist run now (on demand).</summary>
    ValueTask<LifecycleResult> RunChecklistAsync(string by, CancellationToken cancellationToken);
}

/// <summary>A manual item of the current run. <see cref="At"/> is UTC Unix milliseconds of the confirmation.</summary>
public sealed record ManualItemStatus(string Id, string Text, bool Confirmed, string? By, long? At);

/// <summary>The outcome of a technician's action: refused actions are results with a message that says why.</summary>
public sealed record LifecycleResult(bool Ok, string Message)
{
    public static LifecycleResult Done(string message) => new(true, message);

    public static LifecycleResult Refused(string message) => new(false, message);
}
