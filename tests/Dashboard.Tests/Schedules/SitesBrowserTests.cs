using LiveRoom.Dashboard.Tests.Browser;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Schedules;

/// <summary>
/// The sites page in Debian's chromium, read in Chinese: a manager creates a site, adds and renames a room, adds and
/// changes a manual checklist item, is refused a second room of the same id and deleting a site that still has rooms
/// (both in Chinese), then removes everything. A technician reads the same page without a way to change it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SitesBrowserTests(BrowserFixture stack) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task Manager_ReadingChinese_BuildsASiteWithRoomAndItem_RefusalsInChinese_ThenTakesItDown()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await stack.SignInAsync(page, "manager");
        await page.ClickAsync("#sitesLink");
        await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout });

        await page.FillAsync("#siteId", "bsites");
        await page.FillAsync("#siteName", "测试基地");
        await page.FillAsync("#siteZone", "Asia/Shanghai");
        await page.ClickAsync("#siteForm button[type=submit]");
        var site = page.Locator("section[data-site=bsites]");
        await site.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.Equal("测试基地 (bsites)", await site.Locator(".site-title").TextContentAsync());

        await AddAsync(site.Locator("form.add-form").First, "r1", "一号间");
        var room = page.Locator("section[data-site=bsites] tr[data-room=r1]");
        await room.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        await AddAsync(page.Locator("section[data-site=bsites] form.add-form").First, "r1", "重复");
        await page.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Equal("站点“bsites”已有直播间“r1”。", await page.TextContentAsync("#error"));

        await room.Locator("button.rename").ClickAsync();
        await room.Locator("form.inline-edit input").FillAsync("一号直播间");
        await room.Locator("form.inline-edit button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('section[data-site=bsites] tr[data-room=r1] td.name')?.textContent === '一号直播间'", null, new PageWaitForFunctionOptions { Timeout = Timeout });
        Assert.True(await page.IsHiddenAsync("#error"));

        await AddAsync(page.Locator("section[data-site=bsites] form.add-form").Nth(1), "mic", "麦克风电量充足");
        var item = page.Locator("section[data-site=bsites] tr[data-item=mic]");
        await item.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        await item.Locator("button.edit").ClickAsync();
        await item.Locator("form.inline-edit input").FillAsync("麦克风已充电");
        await item.Locator("form.inline-edit button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('section[data-site=bsites] tr[data-item=mic] td.text')?.textContent === '麦克风已充电'", null, new PageWaitForFunctionOptions { Timeout = Timeout });

        await site.Locator("h2 button.delete").ClickAsync();
        await page.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Equal("站点“bsites”还有直播间（r1）；请先删除它们。", await page.TextContentAsync("#error"));

        await room.Locator("button.delete").ClickAsync();
        await room.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = Timeout });
        await item.Locator("button.delete").ClickAsync();
        await item.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = Timeout });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "sites.png"), FullPage = true });
        await site.Locator("h2 button.delete").ClickAsync();
        await site.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = Timeout });
    }

    [Fact]
    public async Task Technician_ReadsSitesRoomsAndItems_NothingToChange()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await stack.SignInAsync(page, "technician");
        Assert.Equal(0, await page.Locator("#sitesLink").CountAsync());

        await page.GotoAsync(new Uri(stack.BaseUri, "sites.html").ToString());
        await page.WaitForSelectorAsync("section[data-site=demo] tr[data-room=room-1]", new PageWaitForSelectorOptions { Timeout = Timeout });

        var controls = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main button, main form, main input')].filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 120))");
        Assert.Empty(controls);
        Assert.False(await page.IsVisibleAsync("#siteForm"));
    }

    private static async Task AddAsync(ILocator form, string id, string text)
    {
        await form.Locator("input").Nth(0).FillAsync(id);
        await form.Locator("input").Nth(1).FillAsync(text);
        await form.Locator("button[type=submit]").ClickAsync();
    }
}
