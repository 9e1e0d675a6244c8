using System.Diagnostics;
using System.Text.Json;

namespace LiveRoom.Testing;

/// <summary>
/// Runs a few lines of JavaScript under node against one of the dashboard's own page modules (src/Dashboard/wwwroot),
/// for the modules that turn what the edge writes into the reader's words. node comes with the dashboard's npm
/// packages (scripts/install.sh).
/// </summary>
public static class DashboardScript
{
    /// <summary>Where <paramref name="module"/> (e.g. "event-words.js") is, as a file URL for an <c>import</c>.</summary>
    public static string ModuleUrl(string module) =>
        new Uri(Path.Combine(RepositoryPaths.Src, "Dashboard", "wwwroot", module)).AbsoluteUri;

    /// <summary>Runs <paramref name="script"/> as an ES module and returns what it wrote to stdout; fails with node's stderr.</summary>
    public static async Task<string> RunAsync(string script)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--input-type=module", "-e", script })
        {
            start.ArgumentList.Add(arg);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start (scripts/install.sh installs it with the dashboard's npm packages)");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"node exited with {node.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    /// <summary>Runs <paramref name="script"/>, which writes one JSON value to stdout, and reads that value.</summary>
    public static async Task<T> RunJsonAsync<T>(string script) => JsonSerializer.Deserialize<T>(await RunAsync(script))!;
}
