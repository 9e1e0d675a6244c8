using System.Text.Json;

namespace LiveRoom.Dashboard.Tests.Schedules;

/// <summary>The schedule and lifecycle endpoints are in the OpenAPI document, with their summaries.</summary>
public sealed class SchedulesOpenApiTests
{
    [Fact]
    public async Task OpenApi_Document_DescribesSchedulesAndLifecycleEndpoints()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" });
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/sites", "/api/sites/{site}", "/api/sites/{site}/rooms/{room}", "/api/sites/{site}/manual-items/{item}",
            "/api/sites/{site}/shows", "/api/sites/{site}/shows/{id}", "/api/sites/{site}/shows/import",
            "/api/rooms/{site}/{room}/state", "/api/rooms/{site}/{room}/checklist/run", "/api/rooms/{site}/{room}/checklist/confirm",
            "/api/rooms/{site}/{room}/checklists", "/api/rooms/{site}/{room}/checklists.csv",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), $"{path} is not in the OpenAPI document");
        }

        var import = paths.GetProperty("/api/sites/{site}/shows/import").GetProperty("post");
        Assert.StartsWith("Import an iCalendar (text/calendar) or CSV (text/csv) schedule", import.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}
