using LiveRoom.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests;

/// <summary>
/// The real dashboard in-process, configured with the given settings (as on the command line), with its
/// configuration store in a temp directory and optionally a fake clock.
/// </summary>
internal sealed class DashboardFactory(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null) : WebApplicationFactory<Program>
{
    private readonly TempDirectory _logs = new("dashboard-logs");
    private readonly TempDirectory _state = new("dashboard-state");

    public string StorePath => Path.Combine(_state.Path, "dashboard.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:Directory", _logs.Path);
        builder.UseSetting("Dashboard:Store:Path", StorePath);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (time is not null)
        {
            builder.ConfigureServices(s => s.AddSingleton(time));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _logs.Dispose();
        _state.Dispose();
    }
}
