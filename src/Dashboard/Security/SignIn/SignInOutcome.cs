using LiveRoom.Dashboard.Users;

namespace LiveRoom.Dashboard.Security.SignIn;

/// <summary>What a sign-in attempt came to (a refusal is a result, not an exception).</summary>
internal enum SignInStatus
{
    Succeeded,
    Failed,
    Locked,
}

/// <summary>The result of <see cref="SignInService.SignIn"/>: the session token when it succeeded.</summary>
internal sealed record SignInOutcome(SignInStatus Status, UserRecord? User = null, string? Token = null);
