using System.Security.Claims;
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
            return TypedResults.Problem("Name and password are required.", statusCode: StatusCodes.Status400BadRequest, title: "Sign-in refused");
        }

        var outcome = signIn.SignIn(body.Name, body.Password, SessionAuthenticationHandler.Ip(http));
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                SessionCookie.Set(http, outcome.Token!);
                var u = outcome.User!;
                return TypedResults.Ok(new MeResponse(true, u.Name, u.MustChangePassword ? [] : u.Roles, u.Sites, u.MustChangePassword));
            case SignInStatus.Locked:
                return TypedResults.Problem(
                    "Too many failed sign-ins; try again later.",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Sign-in locked");
            default:
                // One answer for unknown user and wrong password: the reply does not tell which names exist.
                return TypedResults.Problem("Wrong name or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused");
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
            return TypedResults.Problem("The current password is wrong.", statusCode: StatusCodes.Status400BadRequest, title: "Password not changed");
        }

        if (body.NewPassword is not { Length: >= Passwords.MinLength and <= MaxInput } || body.NewPassword == body.CurrentPassword)
        {
            return TypedResults.Problem(
                $"The new password must have {Passwords.MinLength} to {MaxInput} characters and differ from the current one.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Password not changed");
        }

        // Ends every session of the user, then opens a fresh one for this browser.
        users.SetPassword(user.Id, Passwords.Hash(body.NewPassword), mustChangePassword: false);
        SessionCookie.Set(http, sessions.Create(user.Id, ip, time.GetUtcNow()));
        audit.Write(user.Name, ip, AuditActions.PasswordChange, user.Name, "ok");
        return TypedResults.Ok(new MeResponse(true, user.Name, user.Roles, user.Sites, false));
    }

    private static MeResponse Me(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? new MeResponse(
            true,
            user.Identity.Name,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            user.Sites(),
            user.HasClaim(c => c.Type == SessionClaims.MustChangePassword))
        : new MeResponse(false, null, [], [], false);
}
