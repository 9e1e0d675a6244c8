using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.Users;

/// <summary><c>/api/users</c>: list, create (with a one-time password), delete (admin).</summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").RequireAuthorization(Policies.Admin).WithTags("users");
        api.MapGet("/", (UserStore users) => TypedResults.Ok(users.List().Select(u => new UserSummary(u.Name, u.Roles, u.Sites, u.MustChangePassword, u.LockedUntil)).ToList()));
        api.MapPost("/", Create).RequireCsrf();
        api.MapPut("/{name}", Update).RequireCsrf().WithSummary("Change a user's roles and sites");
        api.MapPost("/{name}/password", ResetPassword).RequireCsrf().WithSummary("Give a user a new one-time password (ends their sessions, lifts a lock-out)");
        api.MapDelete("/{name}", Delete).RequireCsrf();
        return app;
    }

    internal static Results<Ok<CreatedUserResponse>, ProblemHttpResult> Create(CreateUserRequest body, HttpContext http, UserStore users, AuditLog audit, TimeProvider time)
    {
        var actor = http.User.UserName();
        var ip = SessionAuthenticationHandler.Ip(http);
        if (UserRules.Check(body.Name, body.Roles, body.Sites) is { } problem)
        {
            return Problems.BadRequest(NotCreated, problem);
        }

        var password = Passwords.OneTime();
        if (!users.TryCreate(body.Name!, body.Roles!, body.Sites ?? [], Passwords.Hash(password), mustChangePassword: true, time.GetUtcNow()))
        {
            audit.Write(actor, ip, AuditActions.UserCreate, body.Name, "failed", "name taken");
            return Problems.Conflict(NotCreated, new LocalText($"A user named '{body.Name}' exists.", $"用户“{body.Name}”已存在。"));
        }

        audit.Write(actor, ip, AuditActions.UserCreate, body.Name, "ok", $"roles={string.Join(',', body.Roles!)} sites={string.Join(',', body.Sites ?? [])}");
        return TypedResults.Ok(new CreatedUserResponse(body.Name!, password));
    }

    internal static Results<Ok<UserSummary>, ProblemHttpResult> Update(string name, UpdateUserRequest body, HttpContext http, UserStore users, AuditLog audit)
    {
        var actor = http.User.UserName();
        var ip = SessionAuthenticationHandler.Ip(http);
        var notChanged = new LocalText("User not changed", "用户未修改");
        if (users.Find(name) is not { } user)
        {
            return UnknownUser(name);
        }

        if (UserRules.Check(name, body.Roles, body.Sites) is { } problem)
        {
            return Problems.BadRequest(notChanged, problem);
        }

        if (LastAdminLeft(users, user) && !body.Roles!.Contains(Roles.Admin, StringComparer.Ordinal))
        {
            audit.Write(actor, ip, AuditActions.UserUpdate, name, "failed", "last admin");
            return Problems.Conflict(notChanged, LastAdmin(name));
        }

        users.SetAccess(user.Id, body.Roles!, body.Sites ?? []);
        audit.Write(actor, ip, AuditActions.UserUpdate, name, "ok", $"roles={string.Join(',', body.Roles!)} sites={string.Join(',', body.Sites ?? [])}");
        var changed = users.Find(user.Id)!;
        return TypedResults.Ok(new UserSummary(changed.Name, changed.Roles, changed.Sites, changed.MustChangePassword, changed.LockedUntil));
    }

    internal static Results<Ok<CreatedUserResponse>, ProblemHttpResult> ResetPassword(string name, HttpContext http, UserStore users, AuditLog audit)
    {
        if (users.Find(name) is not { } user)
        {
            return UnknownUser(name);
        }

        // A one-time password again: the person chooses their own at the next sign-in; every session of theirs ends.
        var password = Passwords.OneTime();
        users.SetPassword(user.Id, Passwords.Hash(password), mustChangePassword: true);
        users.ResetFailures(user.Id);
        audit.Write(http.User.UserName(), SessionAuthenticationHandler.Ip(http), AuditActions.UserPasswordReset, name, "ok");
        return TypedResults.Ok(new CreatedUserResponse(name, password));
    }

    internal static Results<NoContent, ProblemHttpResult> Delete(string name, HttpContext http, UserStore users, AuditLog audit)
    {
        var actor = http.User.UserName();
        var ip = SessionAuthenticationHandler.Ip(http);
        var notDeleted = new LocalText("User not deleted", "用户未删除");
        if (users.Find(name) is not { } user)
        {
            audit.Write(actor, ip, AuditActions.UserDelete, name, "failed", "unknown");
            return UnknownUser(name);
        }

        if (string.Equals(name, actor, StringComparison.Ordinal))
        {
            audit.Write(actor, ip, AuditActions.UserDelete, name, "failed", "own account");
            return Problems.Conflict(notDeleted, new LocalText("You cannot delete your own account; another admin can.", "不能删除自己的账号；请由其他管理员删除。"));
        }

        if (LastAdminLeft(users, user))
        {
            audit.Write(actor, ip, AuditActions.UserDelete, name, "failed", "last admin");
            return Problems.Conflict(notDeleted, LastAdmin(name));
        }

        users.Delete(name);
        audit.Write(actor, ip, AuditActions.UserDelete, name, "ok");
        return TypedResults.NoContent();
    }

    /// <summary>Whether <paramref name="user"/> is the only admin (taking that away would leave nobody to manage accounts).</summary>
    private static bool LastAdminLeft(UserStore users, UserRecord user) =>
        user.Roles.Contains(Roles.Admin, StringComparer.Ordinal) && users.List().Count(u => u.Roles.Contains(Roles.Admin, StringComparer.Ordinal)) == 1;

    private static LocalText LastAdmin(string name) => new(
        $"'{name}' is the only admin: make another user admin first.",
        $"“{name}”是唯一的管理员：请先让另一位用户成为管理员。");

    private static ProblemHttpResult UnknownUser(string name) =>
        Problems.NotFound(new LocalText("Unknown user", "未知用户"), new LocalText($"No user named '{name}'.", $"没有名为“{name}”的用户。"));

    private static LocalText NotCreated => new("User not created", "用户未创建");
}
