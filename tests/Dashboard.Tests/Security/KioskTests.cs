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
    public async Task KioskOff_NoSession_WallIs401()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" });
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/rooms/live", UriKind.Relative))).StatusCode);
    }
}
