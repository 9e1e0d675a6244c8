using System.Net;
using System.Net.Http.Json;
using LiveRoom.Dashboard.Users;

namespace LiveRoom.Dashboard.Tests.Security;

/// <summary>Dashboard:Security:Kiosk: a wall screen without sign-in may read the wall and nothing else.</summary>
public sealed class KioskTests
{
    [Fact]
    public async Task Kiosk_NoSession_ReadsWallButNoReportsUsersOrChanges()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}",
            ["Dashboard:Security:Kiosk"] = "true",
        });
        using var client = factory.CreateClient();
        await client.RefreshCsrfAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/api/rooms/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/api/reports/compliance?from=1795330000000&to=1795333600000", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/api/users/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);
        using var create = await client.PostAsJsonAsync("/api/users/", new CreateUserRequest("x", ["admin"], null));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Kiosk_EveryPageNamesItsIcon_ServedWithoutSignIn()
    {
        // A browser asks for /favicon.ico, which a kiosk is refused (a 403 in the wall screen's console), unless the page names its icon.
        using var factory = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}",
            ["Dashboard:Security:Kiosk"] = "true",
        });
        using var client = factory.CreateClient();

        using var icon = await client.GetAsync(new Uri("/favicon.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        var pages = Directory.GetFiles(Path.Combine(LiveRoom.Testing.RepositoryPaths.Src, "Dashboard", "wwwroot"), "*.html");
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var html = await client.GetStringAsync(new Uri("/" + Path.GetFileName(page), UriKind.Relative));
            Assert.True(html.Contains("<link rel=\"icon\" href=\"favicon.svg\"", StringComparison.Ordinal), $"{Path.GetFileName(page)} names no icon");
        }
    }

    [Fact]
    public async Task Kiosk_AsksForMoreThanTheWall_ProblemSaysSignInAndWhichRoles()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}",
            ["Dashboard:Security:Kiosk"] = "true",
        });
        using var client = factory.CreateClient();

        using var refused = await client.GetAsync(new Uri("/api/alerting/rules", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Not allowed", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("signIn").GetBoolean());
        Assert.Equal(
            "This screen is not signed in (kiosk: the wall and room pages only); it needs one of the roles technician, on-call, manager, admin.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SignedInUser_RefusedByRole_ProblemNamesTheirRolesAndTheNeededOnes_NoSignInHint()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" });
        factory.CreateUser("tech", ["technician"]);
        using var client = await factory.SignedInAsync("tech");

        using var refused = await client.GetAsync(new Uri("/api/reports/compliance?from=1795330000000&to=1795333600000", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Your account (technician) may not do this; it needs one of the roles manager, admin.", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("signIn", out _));
        // The roles as data, for a page to say it in its reader's language.
        Assert.Equal(["technician"], problem.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["manager", "admin"], problem.GetProperty("neededRoles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task KioskOff_NoSession_WallIs401()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" });
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/rooms/live", UriKind.Relative))).StatusCode);
    }
}
