namespace LiveRoom.Dashboard.Security.SignIn;

/// <summary>Body of <c>POST /api/auth/login</c>.</summary>
public sealed record LoginRequest(string? Name, string? Password);

/// <summary>Body of <c>POST /api/auth/password</c>.</summary>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <summary>Who is signed in (<c>GET /api/auth/me</c>, and the answer to a sign-in).</summary>
/// <remarks>Sites: Sites the user may see; empty means every site.</remarks>
public sealed record MeResponse(bool SignedIn, string? Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Sites, bool MustChangePassword);

/// <summary>Body of <c>GET /api/auth/csrf</c>: send <see cref="Token"/> as header <see cref="HeaderName"/> on every change.</summary>
public sealed record CsrfResponse(string Token, string HeaderName);
