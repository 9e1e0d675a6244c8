namespace LiveRoom.Dashboard.Lifecycle;

/// <summary>One recorded item result or confirmation of a checklist run (measurement <c>checklist</c>, seed 8.4/9 records).</summary>
public sealed record ChecklistItemRecord(DateTimeOffset Time, string Item, string Status, string Value, double? Number, string Threshold, string Clause, string By);

/// <summary>A checklist run: its status changes (item <c>_run</c>) folded into <paramref name="Status"/>, and every item point.</summary>
/// <param name="Run">Run id.</param>
/// <param name="Show">Show id; empty for an on-demand run.</param>
/// <param name="Started">First point of the run.</param>
/// <param name="Last">Last point of the run.</param>
/// <param name="Status">Latest run status (running, ready, not-ready, aborted); empty when no run point was found.</param>
/// <param name="ReadyAtT10">Whether it was all-pass at T-10 min; null when not yet decided.</param>
/// <param name="StartedBy">Who started an on-demand run; empty for a scheduled one.</param>
/// <param name="Items">Item points in time order.</param>
public sealed record ChecklistRunRecord(
    string Run,
    string Show,
    DateTimeOffset Started,
    DateTimeOffset Last,
    string Status,
    bool? ReadyAtT10,
    string StartedBy,
    IReadOnlyList<ChecklistItemRecord> Items);

/// <summary>Body of <c>GET /api/rooms/{site}/{room}/checklists</c>: runs newest first.</summary>
public sealed record ChecklistRunsResponse(string Site, string Room, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ChecklistRunRecord> Runs);

/// <summary>Body of <c>POST /api/rooms/{site}/{room}/checklist/confirm</c>.</summary>
/// <param name="Item">The manual item's id.</param>
/// <param name="Run">The run it is for; empty: the current run.</param>
public sealed record ChecklistConfirmRequest(string? Item, string? Run);

/// <summary>Answer of the checklist commands: what was sent, to which topic.</summary>
public sealed record ChecklistCommandResponse(string Topic, string Action, string Item, string By, DateTimeOffset At);
