using System.Globalization;
using System.Security.Claims;
using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;
using LiveRoom.Dashboard.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.Security.SignIn;

/// <summary><c>/api/auth/*</c>: sign-in, sign-out, password change, who am I, anti-forgery token.</summary>
internal static class AuthApi
{
    private const int MaxInput = 256;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("auth");
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(Me(user))).AllowAnonymous();
        api.MapGet("/csrf", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return TypedResults.Ok(new CsrfResponse(tokens.RequestToken!, CsrfFilter.HeaderName));
        }).AllowAnonymous();
        api.MapPost("/login", Login).AllowAnonymous().RequireCsrf();
        api.MapPost("/logout", Logout).RequireAuthorization(Policies.SignedIn).RequireCsrf();
        api.MapPost("/password", ChangePassword).RequireAuthorization(Policies.SignedIn).RequireCsrf();
        return app;
    }

    internal static Results<Ok<MeResponse>, ProblemHttpResult> Login(LoginRequest body, HttpContext http, SignInService signIn)
    {
        if (string.IsNullOrEmpty(body.Name) || string.IsNullOrEmpty(body.Password) || body.Name.Length > MaxInput || body.Password.Length > MaxInput)
        {
            return Problems.BadRequest(SignInRefused, new LocalText("Name and password are required.", "请填写用户名和密码。"));
        }

        var outcome = signIn.SignIn(body.Name, body.Password, SessionAuthenticationHandler.Ip(http));
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                SessionCookie.Set(http, outcome.Token!);
                var u = outcome.User!;
                return TypedResults.Ok(new MeResponse(true, u.Name, u.MustChangePassword ? [] : u.Roles, u.Sites, u.MustChangePassword));
            case SignInStatus.Locked:
                return Problems.Problem(
                    StatusCodes.Status429TooManyRequests,
                    new LocalText("Sign-in locked", "登录已锁定"),
                    new LocalText("Too many failed sign-ins; try again later.", "登录失败次数过多；请稍后再试。"));
            default:
                // One answer for unknown user and wrong password: the reply does not tell which names exist.
                return Problems.Problem(StatusCodes.Status401Unauthorized, SignInRefused, new LocalText("Wrong name or password.", "用户名或密码错误。"));
        }
    }

    internal static NoContent Logout(HttpContext http, SessionStore sessions, AuditLog audit)
    {
        if (http.User.FindFirstValue(SessionClaims.SessionHash) is { } hash)
        {
            sessions.Delete(hash);
        }

        SessionCookie.Clear(http);
        audit.Write(http.User.UserName(), SessionAuthenticationHandler.Ip(http), AuditActions.SignOut, http.User.UserName(), "ok");
        return TypedResults.NoContent();
    }

    internal static Results<Ok<MeResponse>, ProblemHttpResult> ChangePassword(
        PasswordChangeRequest body,
        HttpContext http,
        UserStore users,
        SessionStore sessions,
        AuditLog audit,
        TimeProvider time)
    {
        var ip = SessionAuthenticationHandler.Ip(http);
        var user = http.User.UserId() is { } id ? users.Find(id) : null;
        if (user is null || string.IsNullOrEmpty(body.CurrentPassword) || !Passwords.Verify(user.PasswordHash, body.CurrentPassword))
        {
            audit.Write(http.User.UserName(), ip, AuditActions.PasswordChange, http.User.UserName(), "failed", "current password wrong");
            return Problems.BadRequest(PasswordNotChanged, new LocalText("The current password is wrong.", "当前密码错误。"));
        }

        if (body.NewPassword is not { Length: >= Passwords.MinLength and <= MaxInput } || body.NewPassword == body.CurrentPassword)
        {
            return Problems.BadRequest(PasswordNotChanged, new LocalText(
                string.Create(CultureInfo.InvariantCulture, $"The new password must have {Passwords.MinLength} to {MaxInput} characters and differ from the current one."),
                string.Create(CultureInfo.InvariantCulture, $"新密码须为 {Passwords.MinLength} 到 {MaxInput} 个字符，且与当前密码不同。")));
        }

        // Ends every session of the user, then opens a fresh one for this browser.
        users.SetPassword(user.Id, Passwords.Hash(body.NewPassword), mustChangePassword: false);
        SessionCookie.Set(http, sessions.Create(user.Id, ip, time.GetUtcNow()));
        audit.Write(user.Name, ip, AuditActions.PasswordChange, user.Name, "ok");
        return TypedResults.Ok(new MeResponse(true, user.Name, user.Roles, user.Sites, false));
    }

    private static LocalText SignInRefused => new("Sign-in refused", "登录被拒绝");

    private static LocalText PasswordNotChanged => new("Password not changed", "密码未修改");

    private static MeResponse Me(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? new MeResponse(
            true,
            user.Identity.Name,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            user.Sites(),
            user.HasClaim(c => c.Type == SessionClaims.MustChangePassword))
        : new MeResponse(false, null, [], [], false);
}
