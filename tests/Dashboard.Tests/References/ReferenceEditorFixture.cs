using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Runtime.Processes;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.References;

/// <summary>
/// The dashboard as its own process with a real Mosquitto (so the evidence session and the reference push run as
/// shipped), its first admin made by <c>users create-admin</c>, and Debian's chromium driven by Playwright.
/// </summary>
public sealed partial class ReferenceEditorFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("reference-browser");
    private ChildProcess? _dashboard;
    private IPlaywright? _playwright;

    public MosquittoServer Broker { get; private set; } = null!;

    public Uri BaseUri { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string AdminPassword { get; } = "admin chose this password";

    public async Task InitializeAsync()
    {
        Broker = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = _dir.Combine("mqtt") }, CancellationToken.None);
        var store = _dir.Combine("dashboard.db");
        var dll = Path.Combine(AppContext.BaseDirectory, "liveroom-dashboard.dll");
        var admin = await ProcessRunner.RunAsync("dotnet", [dll, "users", "create-admin", "--name", "admin", $"--Dashboard:Store:Path={store}"], TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.True(admin.ExitCode == 0, admin.Stderr);
        var oneTime = OneTimePassword().Match(admin.Stdout).Groups[1].Value;
        BaseUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}/"));
        _dashboard = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "liveroom-dashboard",
            FileName = "dotnet",
            Arguments =
            [
                dll, $"--urls={BaseUri.ToString().TrimEnd('/')}", $"--Dashboard:Influx:Url=http://127.0.0.1:{FreePortHelper.Closed()}",
                $"--Dashboard:Store:Path={store}", $"--Logging:Directory={_dir.Combine("logs")}",
                "--Dashboard:Mqtt:Host=127.0.0.1", $"--Dashboard:Mqtt:Port={Broker.Port}",
            ],
            WorkingDirectory = _dir.Path,
        });
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.WaitAsync(
            async () =>
            {
                Assert.False(_dashboard.HasExited, "dashboard exited: " + _dashboard.StderrTail());
                try
                {
                    return (await http.GetAsync(new Uri("healthz", UriKind.Relative))).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            ok => ok,
            TimeSpan.FromSeconds(60),
            "the dashboard to answer /healthz");

        using var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = BaseUri };
        await client.RefreshCsrfAsync();
        (await client.PostAsJsonAsync("api/auth/login", new LoginRequest("admin", oneTime))).EnsureSuccessStatusCode();
        await client.RefreshCsrfAsync();
        (await client.PostAsJsonAsync("api/auth/password", new PasswordChangeRequest(oneTime, AdminPassword))).EnsureSuccessStatusCode();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        _dir.Dispose();
    }

    [GeneratedRegex(@"one-time password[^:]*: (\S+)")]
    private static partial Regex OneTimePassword();
}
