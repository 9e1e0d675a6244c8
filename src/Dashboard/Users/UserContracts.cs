namespace LiveRoom.Dashboard.Users;

/// <summary>Body of <c>POST /api/users</c>.</summary>
/// <remarks>Roles: Any of <c>technician</c>, <c>on-call</c>, <c>manager</c>, <c>admin</c>.</remarks>
/// <remarks>Sites: Sites the user may see; empty or absent means every site.</remarks>
public sealed record CreateUserRequest(string? Name, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Sites);

/// <summary>Answer to <c>POST /api/users</c>: the one-time password, shown once, to be changed at first sign-in.</summary>
public sealed record CreatedUserResponse(string Name, string OneTimePassword);

/// <summary>One user in <c>GET /api/users</c>.</summary>
public sealed record UserSummary(string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Sites, bool MustChangePassword, DateTimeOffset? LockedUntil);

/// <summary>Body of <c>PUT /api/users/{name}</c>: the user's roles and sites from now on (the name and password stay).</summary>
/// <remarks>Sites: Sites the user may see; empty or absent means every site.</remarks>
public sealed record UpdateUserRequest(IReadOnlyList<string>? Roles, IReadOnlyList<string>? Sites);
