using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;
using LiveRoom.Dashboard.Users;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Security.SignIn;

/// <summary>
/// Checks a name and password with brute-force limits per user (stored) and per address (in memory);
/// every attempt, and every lockout, is audited.
/// </summary>
internal sealed class SignInService(
    UserStore users,
    SessionStore sessions,
    LoginThrottle throttle,
    AuditLog audit,
    TimeProvider time,
    IOptions<DashboardOptions> options)
{
    private readonly SecurityOptions _security = options.Value.Security;

    public SignInOutcome SignIn(string name, string password, string? ip)
    {
        var now = time.GetUtcNow();
        if (throttle.IsBlocked(ip))
        {
            audit.Write(null, ip, AuditActions.SignInFailed, name, "locked", "address blocked after repeated failures");
            return new SignInOutcome(SignInStatus.Locked);
        }

        var user = users.Find(name);
        if (user is null)
        {
            // Same work as for a real user, so the answer time does not tell which names exist.
            Passwords.Verify(Passwords.Decoy, password);
            Fail(null, name, ip, "unknown user");
            return new SignInOutcome(SignInStatus.Failed);
        }

        if (user.LockedUntil is { } until && until > now)
        {
            Fail(user.Name, user.Name, ip, "user locked", outcome: "locked");
            return new SignInOutcome(SignInStatus.Locked);
        }

        if (!Passwords.Verify(user.PasswordHash, password))
        {
            Fail(user.Name, user.Name, ip, "wrong password");
            if (users.RecordFailure(user, now, _security.FailureWindow, _security.MaxFailuresPerUser, _security.LockoutDuration) is { } lockedUntil)
            {
                audit.Write(user.Name, ip, AuditActions.Lockout, user.Name, "locked", $"user locked until {lockedUntil:O}");
            }

            return new SignInOutcome(SignInStatus.Failed);
        }

        users.ResetFailures(user.Id);
        var token = sessions.Create(user.Id, ip, now);
        audit.Write(user.Name, ip, AuditActions.SignIn, user.Name, "ok", user.MustChangePassword ? "one-time password; must change" : null);
        return new SignInOutcome(SignInStatus.Succeeded, user, token);
    }

    private void Fail(string? actor, string target, string? ip, string detail, string outcome = "failed")
    {
        audit.Write(actor, ip, AuditActions.SignInFailed, target, outcome, detail);
        if (throttle.RecordFailure(ip))
        {
            audit.Write(actor, ip, AuditActions.Lockout, ip ?? "unknown", "locked", "address blocked after repeated failures");
        }
    }
}
