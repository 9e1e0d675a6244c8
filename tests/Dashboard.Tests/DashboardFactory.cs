using LiveRoom.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LiveRoom.Dashboard.Tests;

/// <summary>The real dashboard in-process, configured with the given settings (as on the command line).</summary>
internal sealed class DashboardFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private readonly TempDirectory _logs = new("dashboard-logs");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:Directory", _logs.Path);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _logs.Dispose();
    }
}
