namespace LiveRoom.Dashboard.Security.Audit;

/// <summary>One line of the audit log (seed clause 4.5).</summary>
/// <remarks>Actor: User name, or null for an anonymous request.</remarks>
/// <remarks>Action: What happened, e.g. <c>sign-in</c>, <c>sign-in.failed</c>, <c>denied</c>, <c>user.create</c>.</remarks>
/// <remarks>Target: What it happened to (a user name, a path, a room).</remarks>
/// <remarks>Outcome: <c>ok</c>, <c>failed</c>, <c>denied</c> or <c>locked</c>.</remarks>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string? Actor,
    string? Ip,
    string Action,
    string? Target,
    string Outcome,
    string? Detail);
