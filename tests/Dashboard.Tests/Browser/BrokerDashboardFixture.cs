using System.Globalization;
using System.Net.Http.Json;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Runtime.Processes;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard as its own process with a real Mosquitto (so its MQTT sessions — evidence, room states, the collector
/// heartbeat, the reference push — run as shipped) and an InfluxDB that is not there, its first admin made by
/// <c>users create-admin</c>, and Debian's chromium driven by Playwright.
/// </summary>
public sealed class BrokerDashboardFixture : IAsyncLifetime
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
        var oneTime = await DashboardProcess.CreateAdminAsync(store);
        BaseUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}/"));
        _dashboard = await DashboardProcess.StartAsync(
            BaseUri,
            _dir.Path,
            [
                $"--Dashboard:Influx:Url=http://127.0.0.1:{FreePortHelper.Closed()}", $"--Dashboard:Store:Path={store}",
                $"--Logging:Directory={_dir.Combine("logs")}", "--Dashboard:Mqtt:Host=127.0.0.1", $"--Dashboard:Mqtt:Port={Broker.Port}",
            ]);

        using var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = BaseUri };
        await client.RefreshCsrfAsync();
        (await client.PostAsJsonAsync("api/auth/login", new LoginRequest("admin", oneTime))).EnsureSuccessStatusCode();
        await client.RefreshCsrfAsync();
        (await client.PostAsJsonAsync("api/auth/password", new PasswordChangeRequest(oneTime, AdminPassword))).EnsureSuccessStatusCode();

        _playwright = await Playwright.CreateAsync();
        Browser = await DashboardProcess.LaunchChromiumAsync(_playwright);
    }

    /// <summary>Signs the admin in through the sign-in page; returns once the browser is at the wall's URL (its load is the caller's business).</summary>
    public async Task SignInAdminAsync(IPage page)
    {
        const float Timeout = 30_000;
        await page.GotoAsync(new Uri(BaseUri, "login.html").ToString());
        await page.FillAsync("#name", "admin");
        await page.FillAsync("#password", AdminPassword);
        await page.ClickAsync("#signin");
        // The page's URL polled, not WaitForURLAsync: under load the page had navigated before the navigation waiter
        // listened and it never fired (seen here and in BrowserFixture.SignInAsync).
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (!new Uri(page.Url).AbsolutePath.EndsWith("/index.html", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"admin did not reach the wall within {Timeout / 1000:0} s of signing in; the browser is at {page.Url}");
            await Task.Delay(100);
        }
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
}
