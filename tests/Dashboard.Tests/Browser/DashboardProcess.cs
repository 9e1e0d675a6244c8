using System.Text.RegularExpressions;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Browser;

/// <summary>
/// What the browser fixtures share: the first admin made by <c>users create-admin</c>, the dashboard as its own process
/// (liveroom-dashboard.dll) answering <c>/healthz</c>, and Debian's chromium driven by Playwright (never a downloaded browser).
/// </summary>
internal static partial class DashboardProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "liveroom-dashboard.dll");

    /// <summary>Runs <c>users create-admin --name admin</c> on the store; returns the one-time password it printed.</summary>
    public static async Task<string> CreateAdminAsync(string storePath)
    {
        var admin = await ProcessRunner.RunAsync("dotnet", [Dll, "users", "create-admin", "--name", "admin", $"--Dashboard:Store:Path={storePath}"], TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.True(admin.ExitCode == 0, admin.Stderr);
        return OneTimePassword().Match(admin.Stdout).Groups[1].Value;
    }

    /// <summary>Starts the dashboard on <paramref name="baseUri"/> with the settings and waits until it answers <c>/healthz</c>.</summary>
    public static async Task<ChildProcess> StartAsync(Uri baseUri, string workingDirectory, IEnumerable<string> settings)
    {
        var dashboard = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "liveroom-dashboard",
            FileName = "dotnet",
            Arguments = [Dll, $"--urls={baseUri.ToString().TrimEnd('/')}", .. settings],
            WorkingDirectory = workingDirectory,
        });
        await Eventually.AnswersAsync(new Uri(baseUri, "healthz"), dashboard, TimeSpan.FromSeconds(60), "the dashboard to answer /healthz");
        return dashboard;
    }

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

    [GeneratedRegex(@"one-time password[^:]*: (\S+)")]
    private static partial Regex OneTimePassword();
}
