using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Dashboard.Users;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveRoom.EndToEnd.Demo;

/// <summary>
/// Issue 8, "Done when", on the demo's own data (real encoders → edges → Mosquitto → collector → InfluxDB → dashboard):
/// in Debian's chromium each role signs in and sees the wall update live, a room page switches to 30 days, and a
/// manager exports the report. Screenshots go to var/screenshots/demo-*.png.
/// </summary>
[Collection(DemoCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class DemoBrowserTests(ITestOutputHelper output)
{
    private const int Rooms = 2;
    private static readonly float Timeout = 60_000;
    private static readonly string[] RoleNames = ["technician", "on-call", "manager", "admin"];

    [Fact]
    public async Task Demo_EachRoleSignsIn_WallLiveFromRealData_RoomPage30Days_ReportExported()
    {
        using var state = new TempDirectory("demo-browser");
        await using var run = DemoRun.Start(state.Path, Rooms);
        var dashboard = await run.DashboardAsync();
        using (var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(5) })
        {
            await Eventually.WaitAsync(
                async () =>
                {
                    Assert.False(run.Process.HasExited, $"the demo exited: {run.Tail()}");
                    return await DemoRun.LiveRoomsAsync(http);
                },
                rooms => rooms.Count(DemoRun.IsLive1080p30) == Rooms,
                TimeSpan.FromSeconds(90),
                $"{Rooms} demo rooms live");
        }

        var passwords = await CreateUsersAsync(dashboard, Path.Combine(state.Path, "dashboard", "dashboard.db"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var shots = Screenshots();

        foreach (var role in RoleNames)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, AcceptDownloads = true });
            var page = await context.NewPageAsync();
            await SignInAsync(page, dashboard, role, passwords[role]);

            // Live from the demo's encoders: the tile reads what the edge measured, and keeps updating without a reload.
            await page.WaitForSelectorAsync("article.tile.ok[data-room='room-1']", new PageWaitForSelectorOptions { Timeout = Timeout });
            Assert.Equal("1920x1080", await page.Locator("article[data-room='room-1'] dd").First.TextContentAsync());
            var first = int.Parse(await page.GetAttributeAsync("body", "data-updates") ?? "0", CultureInfo.InvariantCulture);
            await page.WaitForSelectorAsync($"body[data-updates='{first + 2}']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
            Assert.Equal(role, (await page.Locator("header .user").TextContentAsync())!.Split(' ')[0]);
            // The demo's collector heartbeat reaches the wall through the broker: collecting, so no banner.
            Assert.Equal("running", await page.GetAttributeAsync("#collector", "data-state"));
            Assert.True(await page.IsHiddenAsync("#collector"));
            // The demo's watchdog announces itself, and the header names it (a single collector has no name to show).
            await page.WaitForSelectorAsync("#status:has-text('watchdog ')", new PageWaitForSelectorOptions { Timeout = Timeout });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"demo-wall-{role}.png"), FullPage = true });

            await page.ClickAsync("article[data-room='room-1'] h3 a");
            await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
            await page.ClickAsync("#presets button[data-range='30d']");
            await page.WaitForSelectorAsync("body[data-loaded='2']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
            Assert.Contains("range=30d", page.Url, StringComparison.Ordinal);
            var points = int.Parse((await page.GetAttributeAsync("#panel-fps", "data-points"))!, CultureInfo.InvariantCulture);
            Assert.True(points > 0, "the 30-day fps panel has the demo's data");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"demo-room-30d-{role}.png"), FullPage = true });

            if (role == "on-call")
            {
                await TestNoticeReachesTheInboxAsync(page, dashboard, await run.NoticesAsync(), shots);
            }

            if (role is "manager" or "admin")
            {
                await page.GotoAsync(new Uri(dashboard, "reports.html").ToString());
                try
                {
                    await page.WaitForSelectorAsync("#table tr[data-room='room-1']", new PageWaitForSelectorOptions { Timeout = Timeout });
                }
                catch (TimeoutException ex)
                {
                    // Say what the page said (an error of the report query, or no rows) and what the demo logged.
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"demo-report-{role}-failed.png"), FullPage = true });
                    throw new TimeoutException($"{ex.Message}; report page said: '{await page.TextContentAsync("#info")}', rows: {await page.Locator("#table tbody tr").CountAsync()}, shows: '{await page.TextContentAsync("#showsSummary")}'; demo: {run.Tail(20)}", ex);
                }

                var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#csv"));
                var file = Path.Combine(shots, $"demo-report-{role}.csv");
                await download.SaveAsAsync(file);
                var lines = await File.ReadAllLinesAsync(file);
                Assert.StartsWith("site,room,from,to,", lines[0], StringComparison.Ordinal);
                Assert.Contains(lines, l => l.StartsWith("demo,room-1,", StringComparison.Ordinal));
                output.WriteLine($"{role}: report {lines.Length - 1} row(s)");
            }
        }
    }

    /// <summary>
    /// Where alerts go in the demo: the demo's rota is set, the alerts page names the collector's channel, the demo's notice inbox; a test notice
    /// sent there by the on-call engineer arrives on the inbox's page, in Chinese, naming who sent it.
    /// </summary>
    private static async Task TestNoticeReachesTheInboxAsync(IPage page, Uri dashboard, Uri inbox, string shots)
    {
        await page.GotoAsync(new Uri(dashboard, "alerting.html").ToString());
        await page.WaitForSelectorAsync("#channels:has-text('demo-inbox')", new PageWaitForSelectorOptions { Timeout = Timeout });
        // The demo's rota: someone at levels 1 and 2 all week (level 0 depends on the hour and the day).
        Assert.Contains("赵经理", await page.TextContentAsync("#onDuty li[data-site='demo'] span[data-level='1']"), StringComparison.Ordinal);
        Assert.Contains("孙总", await page.TextContentAsync("#onDuty li[data-site='demo'] span[data-level='2']"), StringComparison.Ordinal);
        await page.SelectOptionAsync("#tSite", "demo");
        await page.SelectOptionAsync("#tLevel", "0");
        await page.ClickAsync("#testNotice");
        await page.WaitForSelectorAsync("#testResult li.delivered[data-channel='demo-inbox']", new PageWaitForSelectorOptions { Timeout = Timeout });

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var received = JsonNode.Parse(await http.GetStringAsync(new Uri(inbox, "notices")))!.AsArray().Select(n => n!["notice"]!).ToList();
        var test = Assert.Single(received, n => n["kind"]!.GetValue<string>() == "test");
        Assert.Equal("on-call", test["sentBy"]!.GetValue<string>());
        Assert.StartsWith("[测试] demo", test["title"]!.GetValue<string>(), StringComparison.Ordinal);

        await page.GotoAsync(inbox.ToString());
        await page.WaitForSelectorAsync("article[data-kind='test']:has-text('sent by on-call')", new PageWaitForSelectorOptions { Timeout = Timeout });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "demo-notice-inbox.png"), FullPage = true });
    }

    private static async Task<Dictionary<string, string>> CreateUsersAsync(Uri dashboard, string store)
    {
        var admin = await ProcessRunner.RunAsync(
            "dotnet",
            [RepositoryPaths.ProjectDll("Dashboard", "liveroom-dashboard"), "users", "create-admin", "--name", "admin", $"--Dashboard:Store:Path={store}"],
            TimeSpan.FromSeconds(60),
            CancellationToken.None);
        Assert.True(admin.ExitCode == 0, admin.Stderr);
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal) { ["admin"] = await ChangePasswordAsync(dashboard, "admin", OneTimePassword().Match(admin.Stdout).Groups[1].Value) };
        using var client = await ApiClientAsync(dashboard, "admin", passwords["admin"]);
        foreach (var role in RoleNames.Where(r => r != "admin"))
        {
            using var response = await client.PostAsJsonAsync("api/users/", new CreateUserRequest(role, [role], null));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var created = (await response.Content.ReadFromJsonAsync<CreatedUserResponse>())!;
            passwords[role] = await ChangePasswordAsync(dashboard, role, created.OneTimePassword);
        }

        return passwords;
    }

    private static async Task<string> ChangePasswordAsync(Uri dashboard, string name, string oneTime)
    {
        var password = name + " picked a demo password";
        using var client = await ApiClientAsync(dashboard, name, oneTime);
        using var response = await client.PostAsJsonAsync("api/auth/password", new PasswordChangeRequest(oneTime, password));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return password;
    }

    private static async Task<HttpClient> ApiClientAsync(Uri dashboard, string name, string password)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = dashboard };
        await RefreshCsrfAsync(client);
        using var login = await client.PostAsJsonAsync("api/auth/login", new LoginRequest(name, password));
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        await RefreshCsrfAsync(client);
        return client;
    }

    private static async Task RefreshCsrfAsync(HttpClient client)
    {
        var csrf = await client.GetFromJsonAsync<CsrfResponse>("api/auth/csrf");
        client.DefaultRequestHeaders.Remove(csrf!.HeaderName);
        client.DefaultRequestHeaders.Add(csrf.HeaderName, csrf.Token);
    }

    private static async Task SignInAsync(IPage page, Uri dashboard, string name, string password)
    {
        // The demo's wall is a kiosk (readable without an account): people sign in on the sign-in page.
        await page.GotoAsync(new Uri(dashboard, "login.html").ToString());
        await page.WaitForSelectorAsync("#login", new PageWaitForSelectorOptions { Timeout = Timeout });
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        // Two steps, each with its own budget, so a failure says which one was slow: the sign-in request, then the
        // page's own navigation to the wall.
        var login = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#signin"),
            r => r.Url.EndsWith("/api/auth/login", StringComparison.Ordinal),
            new PageRunAndWaitForResponseOptions { Timeout = Timeout });
        if (!login.Ok)
        {
            Assert.Fail($"{name}: sign-in answered {login.Status}: {await login.TextAsync()}");
        }

        // The page then fetches a fresh anti-forgery token and sets location.href. Watched by polling the page's URL:
        // on a loaded machine WaitForURL("**/index.html") once timed out while the page was already at index.html.
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (!new Uri(page.Url).AbsolutePath.EndsWith("/index.html", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                // Short wait: when the page has moved on meanwhile there is no message to read, and the URL says where it went.
                var message = await page.Locator("#message").CountAsync() > 0
                    ? await page.Locator("#message").TextContentAsync(new LocatorTextContentOptions { Timeout = 2_000 })
                    : "(no sign-in message on this page)";
                Assert.Fail($"{name} did not reach the wall within {Timeout / 1000:0} s of signing in; the browser is at {page.Url}; the sign-in page says: '{message}'");
            }

            await Task.Delay(100);
        }
    }

    private static string Screenshots()
    {
        var path = Path.Combine(RepositoryPaths.Root, "var", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }

    [GeneratedRegex(@"one-time password[^:]*: (\S+)")]
    private static partial Regex OneTimePassword();
}
