using System.Net;
using System.Net.Http.Json;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Dashboard.Users;
using LiveRoom.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Security;

/// <summary>Sign-in, sessions, lockout, anti-forgery and their audit entries (issue 8 item 5 and "Bad input").</summary>
public sealed class SignInTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly DashboardFactory _factory;

    public SignInTests()
    {
        _factory = new DashboardFactory(
            new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" },
            _time);
        _factory.CreateUser("tech", ["technician"]);
        _factory.CreateUser("boss", ["admin"]);
    }

    [Fact]
    public async Task Login_Succeeds_SetsHttpOnlySameSiteStrictCookieAndAudits()
    {
        using var client = _factory.CreateClient();
        await client.RefreshCsrfAsync();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("tech", TestSessions.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("liveroom_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Audit(AuditActions.SignIn), e => e.Actor == "tech" && e.Outcome == "ok");
    }

    [Fact]
    public async Task Login_WrongPasswordOrUnknownUser_SameAnswerAndAudited()
    {
        using var client = _factory.CreateClient();
        await client.RefreshCsrfAsync();

        using var wrong = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("tech", "not the password"));
        using var unknown = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("ghost", "not the password"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var a = await wrong.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        var b = await unknown.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal((a!.Title, a.Detail), (b!.Title, b.Detail));
        var failed = Audit(AuditActions.SignInFailed);
        Assert.Contains(failed, e => e.Target == "tech" && e.Detail == "wrong password");
        Assert.Contains(failed, e => e.Target == "ghost" && e.Detail == "unknown user");
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksUserEvenForRightPasswordAndAuditsLockout()
    {
        using var client = _factory.CreateClient();
        await client.RefreshCsrfAsync();
        for (var i = 0; i < 5; i++)
        {
            using var r = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("tech", "guess " + i));
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        }

        using var locked = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("tech", TestSessions.Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains(Audit(AuditActions.Lockout), e => e.Target == "tech" && e.Outcome == "locked");

        _time.Advance(TimeSpan.FromMinutes(16));
        using var later = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("tech", TestSessions.Password));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Request_ForgedSessionCookie_Is401AndAudited()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms/live");
        request.Headers.Add("Cookie", "liveroom_session=forged-token-1234567890");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(Audit(AuditActions.SessionInvalid), e => e.Detail == "unknown session token");
        Assert.Contains(Audit(AuditActions.Denied), e => e.Target == "GET /api/rooms/live");
    }

    [Fact]
    public async Task Session_IdleLongerThanTimeout_Expires()
    {
        using var client = await _factory.SignedInAsync("tech");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);

        _time.Advance(TimeSpan.FromMinutes(31));
        var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me");

        Assert.False(me!.SignedIn);
        Assert.Contains(Audit(AuditActions.SessionInvalid), e => e.Detail == "session idle timeout");
    }

    [Fact]
    public async Task Session_UsedButOlderThanAbsoluteTimeout_Expires()
    {
        using var client = await _factory.SignedInAsync("tech");
        // Never idle for 30 min, yet 24 x 29 min = 11.6 h is the most it lasts: 12 h after sign-in it ends.
        for (var i = 0; i < 24; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(29));
            Assert.True((await client.GetFromJsonAsync<MeResponse>("/api/auth/me"))!.SignedIn);
        }

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.False((await client.GetFromJsonAsync<MeResponse>("/api/auth/me"))!.SignedIn);
        Assert.Contains(Audit(AuditActions.SessionInvalid), e => e.Detail == "session reached its absolute timeout");
    }

    [Fact]
    public async Task Logout_EndsSessionOnServer_OldCookieNoLongerWorks()
    {
        using var browser = _factory.CreateClient();
        await browser.RefreshCsrfAsync();
        using var login = await browser.PostAsJsonAsync("/api/auth/login", new LoginRequest("tech", TestSessions.Password));
        var token = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("liveroom_session=", StringComparison.Ordinal)).Split(';')[0];
        await browser.RefreshCsrfAsync();

        using var logout = await browser.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        // A copy of the cookie kept from before the logout (a stolen cookie) opens nothing.
        using var thief = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms/live");
        request.Headers.Add("Cookie", token);
        using var replay = await thief.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains(Audit(AuditActions.SignOut), e => e.Actor == "tech");
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Is400AndAudited()
    {
        using var client = await _factory.SignedInAsync("boss");
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");

        using var response = await client.PostAsJsonAsync("/api/users/", new CreateUserRequest("mallory", ["admin"], null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(_factory.Services.GetRequiredService<UserStore>().Find("mallory"));
        Assert.Contains(Audit(AuditActions.CsrfRejected), e => e.Actor == "boss" && e.Target == "/api/users/");
    }

    [Fact]
    public async Task Post_TokenOfAnotherUser_Is400()
    {
        using var tech = await _factory.SignedInAsync("tech");
        var stolen = tech.DefaultRequestHeaders.GetValues("X-CSRF-TOKEN").Single();
        using var boss = await _factory.SignedInAsync("boss");
        boss.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        boss.DefaultRequestHeaders.Add("X-CSRF-TOKEN", stolen);

        using var response = await boss.PostAsJsonAsync("/api/users/", new CreateUserRequest("mallory", ["admin"], null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task NewUser_OneTimePassword_OpensOnlyPasswordChangeUntilChanged()
    {
        using var admin = await _factory.SignedInAsync("boss");
        using var created = await admin.PostAsJsonAsync("/api/users/", new CreateUserRequest("anna", ["manager"], ["demo"]));
        var body = await created.Content.ReadFromJsonAsync<CreatedUserResponse>();
        Assert.Equal(20, body!.OneTimePassword.Length);

        using var anna = await _factory.SignedInAsync("anna", body.OneTimePassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync(new Uri("/api/rooms/live", UriKind.Relative))).StatusCode);
        using var change = await anna.PostAsJsonAsync("/api/auth/password", new PasswordChangeRequest(body.OneTimePassword, "anna's own long password"));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        var me = await anna.GetFromJsonAsync<MeResponse>("/api/auth/me");
        Assert.Equal((true, false), (me!.SignedIn, me.MustChangePassword));
        Assert.Equal(["manager"], me.Roles);
        Assert.Equal(["demo"], me.Sites);
        Assert.Contains(Audit(AuditActions.UserCreate), e => e.Actor == "boss" && e.Target == "anna");
        Assert.Contains(Audit(AuditActions.PasswordChange), e => e.Actor == "anna" && e.Outcome == "ok");
    }

    public void Dispose() => _factory.Dispose();

    private IReadOnlyList<AuditEntry> Audit(string action) =>
        _factory.Services.GetRequiredService<AuditLog>().Read(1000, action);
}
