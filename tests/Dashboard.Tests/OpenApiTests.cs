using System.Text.Json;

namespace LiveRoom.Dashboard.Tests;

/// <summary>Issue 8 item 6: the JSON API is described by an OpenAPI document at /openapi/v1.json.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task OpenApi_Requested_DescribesEveryApiRoute()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" });
        using var client = factory.CreateClient();

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/rooms/{site}/{room}/series", paths);
        Assert.Contains("/api/reports/compliance", paths);
        Assert.Contains("/api/auth/login", paths);
        Assert.Contains("/api/rooms/live/events", paths);
    }
}
