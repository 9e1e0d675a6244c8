using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Dashboard.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Users;

/// <summary>
/// Accounts through the admin API: roles and sites changed (in force at the user's next request), a new one-time password
/// (sessions end, a lock-out is lifted), and the refusals that keep somebody able to manage accounts.
/// </summary>
public sealed class UsersApiTests : IDisposable
{
    private readonly DashboardFactory _factory = new(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" });

    public UsersApiTests()
    {
        _factory.CreateUser("boss", ["admin"]);
        _factory.CreateUser("li", ["technician"], ["sh"]);
    }

    [Fact]
    public async Task Update_RolesAndSites_InForceAtTheNextRequestAndAudited()
    {
        using var boss = await _factory.SignedInAsync("boss");
        using var li = await _factory.SignedInAsync("li");
        Assert.Equal(HttpStatusCode.Forbidden, (await li.GetAsync(new Uri("/api/reports/compliance?from=1795330000000&to=1795333600000", UriKind.Relative))).StatusCode);

        using var changed = await boss.PutAsJsonAsync("/api/users/li", new UpdateUserRequest(["technician", "manager"], []));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var summary = (await changed.Content.ReadFromJsonAsync<UserSummary>())!;
        Assert.Equal(["technician", "manager"], summary.Roles);
        Assert.Empty(summary.Sites);
        var me = (await li.GetFromJsonAsync<MeResponse>("/api/auth/me"))!;
        Assert.Equal(["technician", "manager"], me.Roles);
        Assert.Empty(me.Sites);
        Assert.Contains(Audit(), e => e.Action == AuditActions.UserUpdate && e.Actor == "boss" && e.Target == "li" && e.Detail == "roles=technician,manager sites=");
    }

    [Fact]
    public async Task ResetPassword_OldSessionsEnd_LockLifted_NewOneTimePasswordMustBeChanged()
    {
        using var boss = await _factory.SignedInAsync("boss");
        using var li = await _factory.SignedInAsync("li");
        using var stranger = _factory.CreateClient();
        await stranger.RefreshCsrfAsync();
        for (var i = 0; i < 10; i++)
        {
            using var _ = await stranger.PostAsJsonAsync("/api/auth/login", new LoginRequest("li", "wrong password " + i));
        }

        Assert.NotNull(Users().Find("li")!.LockedUntil);

        using var reset = await boss.PostAsJsonAsync("/api/users/li/password", new { });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var created = (await reset.Content.ReadFromJsonAsync<CreatedUserResponse>())!;
        Assert.False((await li.GetFromJsonAsync<MeResponse>("/api/auth/me"))!.SignedIn);
        var record = Users().Find("li")!;
        Assert.Null(record.LockedUntil);
        Assert.True(record.MustChangePassword);
        using var again = await _factory.SignedInAsync("li", created.OneTimePassword);
        Assert.True((await again.GetFromJsonAsync<MeResponse>("/api/auth/me"))!.MustChangePassword);
        Assert.Contains(Audit(), e => e.Action == AuditActions.UserPasswordReset && e.Target == "li" && e.Outcome == "ok");
    }

    [Fact]
    public async Task DeleteOwnAccountOrTheOnlyAdmin_Refused409NamingWhy_NothingChanged()
    {
        _factory.CreateUser("deputy", ["admin"]);
        using var boss = await _factory.SignedInAsync("boss");

        using var own = await boss.DeleteAsync(new Uri("/api/users/boss", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal("You cannot delete your own account; another admin can.", await DetailAsync(own));

        using var deputyGone = await boss.DeleteAsync(new Uri("/api/users/deputy", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deputyGone.StatusCode);

        // boss is now the only admin: nobody may take the role away.
        using var demote = await boss.PutAsJsonAsync("/api/users/boss", new UpdateUserRequest(["manager"], null));
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal("'boss' is the only admin: make another user admin first.", await DetailAsync(demote));
        Assert.Equal(["admin"], Users().Find("boss")!.Roles);

        using var unknown = await boss.PutAsJsonAsync("/api/users/nobody", new UpdateUserRequest(["manager"], null));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badRole = await boss.PutAsJsonAsync("/api/users/li", new UpdateUserRequest(["director"], null));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal("roles must be one or more of technician, on-call, manager, admin", await DetailAsync(badRole));
        Assert.Contains(Audit(), e => e.Action == AuditActions.UserDelete && e.Target == "boss" && e.Outcome == "failed" && e.Detail == "own account");
        Assert.Contains(Audit(), e => e.Action == AuditActions.UserUpdate && e.Target == "boss" && e.Outcome == "failed" && e.Detail == "last admin");
    }

    public void Dispose() => _factory.Dispose();

    private UserStore Users() => _factory.Services.GetRequiredService<UserStore>();

    private IReadOnlyList<AuditEntry> Audit() => _factory.Services.GetRequiredService<AuditLog>().Read(100);

    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("detail").GetString();
    }
}
