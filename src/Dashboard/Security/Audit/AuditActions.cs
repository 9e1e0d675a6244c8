namespace LiveRoom.Dashboard.Security.Audit;

/// <summary>The audit log's action names.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string Lockout = "lockout";
    public const string SignOut = "sign-out";
    public const string SessionInvalid = "session.invalid";
    public const string Denied = "denied";
    public const string CsrfRejected = "csrf.rejected";
    public const string PasswordChange = "password.change";
    public const string UserCreate = "user.create";
    public const string UserDelete = "user.delete";
    public const string UserUpdate = "user.update";
    public const string UserPasswordReset = "user.password-reset";
    public const string ReportExport = "report.export";
}
