using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>The open run as the room state sees it.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="ShowId">The show it prepares; empty for an on-demand run with no show.</param>
/// <param name="Progress">Passed of total, failing and unconfirmed items.</param>
/// <param name="Measuring">The first measurement of an item is still under way (the uplink test): not judged yet.</param>
/// <param name="FailReason">Why not ready, for people (the worst failing item, or unconfirmed items after the deadline); null when nothing fails.</param>
/// <param name="Ready">No item fails, nothing is still being measured, every manual item is confirmed.</param>
public sealed record ChecklistView(string RunId, string ShowId, ChecklistProgress Progress, bool Measuring, string? FailReason, bool Ready);
