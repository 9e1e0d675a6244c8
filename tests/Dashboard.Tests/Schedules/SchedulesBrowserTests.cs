using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Dashboard.Tests.Browser;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Schedules;

/// <summary>
/// The schedules page in Debian's chromium: a bad CSV upload shows the API's message verbatim (line number and
/// reason), a show created through the form appears in the site's local time and can be deleted.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SchedulesBrowserTests(BrowserFixture stack) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task SchedulesPage_Manager_UploadErrorVerbatimThenCreateAndDeleteShow()
    {
        await CreateSiteAsync("bsite");
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await stack.SignInAsync(page, "manager");
        await page.GotoAsync(new Uri(stack.BaseUri, "schedules.html?site=bsite").ToString());
        await page.WaitForSelectorAsync("#create", new PageWaitForSelectorOptions { Timeout = Timeout });

        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).Date.AddDays(2);
        var csv = "room,start,end,title,host\n"
            + $"room-1,{day:yyyy-MM-dd} 10:00,{day:yyyy-MM-dd} 11:00,Fine,Li\n"
            + $"room-1,{day:yyyy-MM-dd} 8pm,{day:yyyy-MM-dd} 22:00,Bad,Li\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#upload button[type=submit]");
        await page.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Equal(
            $"line 3: start '{day:yyyy-MM-dd} 8pm' is not an ISO 8601 time (e.g. 2026-11-23T14:00:00+08:00, or 2026-11-23 14:00 in the site's zone)",
            await page.TextContentAsync("#error"));

        await page.FillAsync("#title", "Browser <b>show</b>");
        await page.FillAsync("#host", "Li Na");
        await page.FillAsync("#start", day.ToString("yyyy-MM-dd'T'20:00", CultureInfo.InvariantCulture));
        await page.FillAsync("#end", day.ToString("yyyy-MM-dd'T'22:00", CultureInfo.InvariantCulture));
        // The form asks for its room (the list's room selection fills it in; the browser keeps a form without one).
        await page.ClickAsync("#create button[type=submit]");
        Assert.True(await page.EvalOnSelectorAsync<bool>("#newRoom", "e => e.validity.valueMissing"));
        Assert.Equal(0, await page.Locator("#table tbody tr").Filter(new LocatorFilterOptions { HasText = "Browser <b>show</b>" }).CountAsync());
        await page.SelectOptionAsync("#room", "room-1");
        Assert.Equal("room-1", await page.InputValueAsync("#newRoom"));
        await page.ClickAsync("#create button[type=submit]");
        var row = page.Locator("#table tbody tr").Filter(new LocatorFilterOptions { HasText = "Browser <b>show</b>" });
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.Equal(day.ToString("yyyy-MM-dd 20:00", CultureInfo.InvariantCulture), await row.Locator("td").Nth(1).TextContentAsync());
        Assert.Equal(0, await page.Locator("#table b").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "schedules.png"), FullPage = true });

        await row.Locator("button.delete").ClickAsync();
        await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = Timeout });
    }

    [Fact]
    public async Task SchedulesPage_ChineseReaderOnAnEnglishBrowser_RefusalsInChinese()
    {
        await CreateSiteAsync("zsite");
        // The browser says English; the reader chose Chinese on the page: the page's language decides.
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        await context.AddInitScriptAsync("localStorage.setItem('lang', 'zh')");
        var page = await context.NewPageAsync();
        await stack.SignInAsync(page, "manager");
        await page.GotoAsync(new Uri(stack.BaseUri, "schedules.html?site=zsite").ToString());
        await page.WaitForSelectorAsync("#create", new PageWaitForSelectorOptions { Timeout = Timeout });

        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).Date.AddDays(2);
        var csv = "room,start,end,title,host\n" + $"room-1,{day:yyyy-MM-dd} 8pm,{day:yyyy-MM-dd} 22:00,Bad,Li\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#upload button[type=submit]");
        await page.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Equal(
            $"第 2 行：start 列的“{day:yyyy-MM-dd} 8pm”不是 ISO 8601 时间（例如 2026-11-23T14:00:00+08:00，或按站点时区写 2026-11-23 14:00）",
            await page.TextContentAsync("#error"));

        // A show that ends before it starts: the form's refusal too.
        await page.SelectOptionAsync("#room", "room-1");
        await page.FillAsync("#title", "倒序");
        await page.FillAsync("#start", day.ToString("yyyy-MM-dd'T'22:00", CultureInfo.InvariantCulture));
        await page.FillAsync("#end", day.ToString("yyyy-MM-dd'T'20:00", CultureInfo.InvariantCulture));
        await page.ClickAsync("#create button[type=submit]");
        await page.WaitForFunctionAsync(
            "() => document.querySelector('#error')?.textContent.startsWith('结束时间')", null, new PageWaitForFunctionOptions { Timeout = Timeout });
        Assert.Equal(
            $"结束时间 {day:yyyy-MM-dd} 20:00 不晚于开始时间 {day:yyyy-MM-dd} 22:00（Asia/Shanghai）",
            await page.TextContentAsync("#error"));
    }

    private async Task CreateSiteAsync(string site)
    {
        using var admin = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = stack.BaseUri };
        await admin.RefreshCsrfAsync();
        (await admin.PostAsJsonAsync("api/auth/login", new LoginRequest("admin", stack.Passwords["admin"]))).EnsureSuccessStatusCode();
        await admin.RefreshCsrfAsync();
        (await admin.PostAsJsonAsync("api/sites/", new SiteRequest(site, "Browser site " + site, "Asia/Shanghai"))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"api/sites/{site}/rooms", new RoomRequest("room-1", "Room 1"))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"api/sites/{site}/rooms", new RoomRequest("room-2", "Room 2"))).EnsureSuccessStatusCode();
    }
}
