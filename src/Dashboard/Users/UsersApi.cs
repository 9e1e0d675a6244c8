using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Schedules;
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

    internal static Results<NoContent, NotFound> Delete(string name, HttpContext http, UserStore users, AuditLog audit)
    {
        var deleted = users.Delete(name);
        audit.Write(http.User.UserName(), SessionAuthenticationHandler.Ip(http), AuditActions.UserDelete, name, deleted ? "ok" : "failed");
        return deleted ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static LocalText NotCreated => new("User not created", "用户未创建");
}
