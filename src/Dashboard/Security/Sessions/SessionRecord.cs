namespace LiveRoom.Dashboard.Security.Sessions;

/// <summary>A stored session (the token itself is never stored).</summary>
internal sealed record SessionRecord(string TokenHash, long UserId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);
