using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Browser;

/// <summary>
/// Issue 8 items 1 and 2 (same stack as the other browser tests): a wall tile names the show in progress (markup in its
/// title stays text), the uplink, a bitrate sparkline and the latest thumbnail; the room page draws the show as a band on
/// every panel and lists the current checklist, with its commands only for technicians and admins.
/// </summary>
public sealed partial class DashboardBrowserTests
{
    [Fact]
    public async Task Wall_RoomInShow_TileShowsShowUplinkSparklineAndThumbnail()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        var tile = page.Locator("article[data-room='room-1']");
        await tile.Locator(".show-title").WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        await tile.Locator("img.thumb").WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });

        Assert.Equal(BrowserFixture.ShowTitle, await tile.Locator(".show-title").TextContentAsync());
        Assert.Equal(stack.ShowId, await tile.GetAttributeAsync("data-show"));
        Assert.Matches(TimeRange(), await tile.Locator(".show-time").TextContentAsync());
        var uplink = await tile.Locator("dd[data-field='uplink']").TextContentAsync();
        Assert.Matches(@"^NIC 5\.\d\d Mbit/s · test 6\.1 Mbit/s$", uplink);
        var points = int.Parse((await tile.Locator("svg.spark").GetAttributeAsync("data-points"))!, CultureInfo.InvariantCulture);
        Assert.InRange(points, 3, 30);
        Assert.Matches(@"^M\d", (await tile.Locator("svg.spark path").GetAttributeAsync("d"))!);
        Assert.StartsWith("data:image/jpeg;base64,", await tile.Locator("img.thumb").GetAttributeAsync("src"), StringComparison.Ordinal);
        // A still, not the stream: its caption says when it was taken, and it is not greyed while the stream runs.
        Assert.Matches(@"^picture \d\d:\d\d$", await tile.Locator(".thumb-time").TextContentAsync());
        Assert.Equal(0, await tile.Locator("img.thumb.stale").CountAsync());
        Assert.Equal(0, await page.Locator(".show-title b").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "wall-tile-show.png"), FullPage = true });

        // A newer thumbnail replaces the image without a reload (the tile asks every 30 s).
        var first = await tile.Locator("img.thumb").GetAttributeAsync("data-time");
        var newer = DateTimeOffset.UtcNow;
        await stack.AddThumbnailAsync(newer);
        await page.WaitForSelectorAsync($"article[data-room='room-1'] img.thumb:not([data-time='{first}'])", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var shown = DateTimeOffset.Parse((await tile.Locator("img.thumb").GetAttributeAsync("data-time"))!, CultureInfo.InvariantCulture);
        Assert.Equal(newer.ToUnixTimeMilliseconds(), shown.ToUnixTimeMilliseconds());
        Assert.Equal(1, await tile.Locator("img.thumb").CountAsync());
    }

    [Fact]
    public async Task Wall_StreamDown_TileSaysSoShowsNoFiguresAndGreysThePictureFromBefore()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        var tile = page.Locator($"article[data-room='{BrowserFixture.DownRoom}']");
        await tile.Locator("img.thumb.stale").WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });

        Assert.Equal("stream DOWN", await tile.Locator(".verdict").TextContentAsync());
        Assert.Contains("bad", await tile.GetAttributeAsync("class"), StringComparison.Ordinal);
        // Nothing is measured from a stream that is not there: no resolution, frame rate or bitrate is offered.
        Assert.Equal("–", await tile.Locator("dd[data-field='frame rate']").TextContentAsync());
        Assert.Equal("–", await tile.Locator("dd[data-field='bitrate']").TextContentAsync());
        // The last picture stays, greyed, and says it is from before the stream stopped.
        Assert.Matches(@"^picture \d\d:\d\d · before the stream stopped$", await tile.Locator(".thumb-time").TextContentAsync());
        Assert.Equal(0, await page.Locator("article[data-room='room-1'] img.thumb.stale").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "wall-stream-down.png"), FullPage = true });
    }

    [Fact]
    public async Task Wall_SiteInAnotherZone_HeadingCarriesTheSiteClockAndTilesItsTimes()
    {
        // The browser in Berlin, the site (Asia/Shanghai) eight or seven hours ahead: show times read against the site's clock.
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "Europe/Berlin" });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        var clock = page.Locator(".site-group[data-site='demo'] .site-clock");
        await page.Locator(".site-group[data-site='demo'] .site-clock:not([hidden])").WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });

        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var text = (await clock.TextContentAsync())!;
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, shanghai);
        Assert.Contains(text, new[] { now.AddMinutes(-1), now, now.AddMinutes(1) }.Select(t => t.ToString("HH:mm", CultureInfo.InvariantCulture) + " Asia/Shanghai"));
        var start = TimeZoneInfo.ConvertTime(stack.ShowStart, shanghai);
        Assert.Equal(
            start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + start.AddHours(3).ToString("HH:mm", CultureInfo.InvariantCulture),
            await page.Locator("article[data-room='room-1'] .show-time").TextContentAsync());

        // An alert's onset reads on the same clock (room-2's began a few minutes before the tests).
        var alert = (await page.Locator("article[data-room='room-2'] .alerts li").TextContentAsync())!;
        var hours = new[] { now, now.AddHours(-1) }.Select(t => t.ToString("HH", CultureInfo.InvariantCulture));
        Assert.Matches(@"\(since (\d\d):\d\d\)$", alert);
        Assert.Contains(Regex.Match(alert, @"\(since (\d\d):").Groups[1].Value, hours);

        // In the site's own zone the heading needs no second clock.
        await using var local = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "Asia/Shanghai" });
        var there = await local.NewPageAsync();
        await SignInAsync(there, "technician", stack.Passwords["technician"]);
        await there.Locator("article[data-room='room-1'] .show-title").WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.True(await there.Locator(".site-group[data-site='demo'] .site-clock").IsHiddenAsync());
    }

    [Fact]
    public async Task RoomPage_SiteInAnotherZone_SiteClockBesideTheNameAndShowsInTheSitesTimes()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "Europe/Berlin" });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "manager", stack.Passwords["manager"]);
        await page.GotoAsync(new Uri(stack.BaseUri, "room.html?site=demo&room=room-1&range=6h").ToString());
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, shanghai);
        Assert.Contains(
            await page.Locator("#siteClock").TextContentAsync(),
            new[] { now.AddMinutes(-1), now, now.AddMinutes(1) }.Select(t => $"site time {t.ToString("HH:mm", CultureInfo.InvariantCulture)} Asia/Shanghai · times here: Europe/Berlin"));
        var start = TimeZoneInfo.ConvertTime(stack.ShowStart, shanghai);
        Assert.EndsWith(
            $"({start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{start.AddHours(3).ToString("HH:mm", CultureInfo.InvariantCulture)} Asia/Shanghai) — {BrowserFixture.ShowTitle} (Lin)",
            await page.Locator($"#shows li[data-show='{stack.ShowId}']").TextContentAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wall_NicSendingLessThanTheStream_SaysItIsNotTheStreamsPath()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        var uplink = page.Locator("article[data-room='room-2'] dd[data-field='uplink']");
        await page.Locator("article[data-room='room-2'] dd[data-field='uplink'] .fail").WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });

        // 40 kbit/s on the NIC under a 2 Mbit/s stream: not a 40 kbit/s uplink, a NIC the stream does not use.
        Assert.Equal("NIC 40 kbit/s (not the stream's path)", await uplink.TextContentAsync());
        Assert.Equal("(not the stream's path)", await page.Locator("article[data-room='room-2'] dd[data-field='uplink'] .fail").TextContentAsync());
        Assert.Equal(0, await page.Locator("article[data-room='room-1'] dd[data-field='uplink'] .fail").CountAsync());
    }

    [Fact]
    public async Task RoomPage_TechnicianReadingChinese_ChecklistItemsStatusesAndValuesInChinese()
    {
        // The edge writes its checklist in English (item ids, status words, values and thresholds); a technician whose
        // browser asks for Chinese reads it in Chinese, numbers and units as written, a site's manual item as named.
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 2000 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        await page.GotoAsync(new Uri(stack.BaseUri, "room.html?site=demo&room=room-1&range=1h").ToString());
        await page.WaitForSelectorAsync("#checklistTable tr[data-item='uplink']", new PageWaitForSelectorOptions { Timeout = Timeout });

        // Status first; who started the run in words; the run's id (for support) in the line's title, not its text.
        Assert.StartsWith("未就绪 · ", await page.TextContentAsync("#checklistRun"), StringComparison.Ordinal);
        Assert.EndsWith(" · 由 technician 启动 · T-10 未就绪", await page.TextContentAsync("#checklistRun"), StringComparison.Ordinal);
        Assert.Equal(BrowserFixture.ChecklistRun, await page.GetAttributeAsync("#checklistRun", "title"));
        Assert.Equal(["上行带宽", "5.2 Mbit/s", "≥ 4 Mbit/s", "通过"], (await page.Locator("#checklistTable tr[data-item='uplink'] td").AllTextContentsAsync()).Take(4));
        Assert.Equal("分辨率", await page.Locator("#checklistTable tr[data-item='resolution'] td").First.TextContentAsync());

        // On a phone each item is a card: no header row, every value labelled with its column.
        await page.SetViewportSizeAsync(390, 844);
        Assert.False(await page.IsVisibleAsync("#checklistTable thead"));
        var value = page.Locator("#checklistTable tr[data-item='uplink'] td").Nth(1);
        Assert.Equal("\"数值\"", await value.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        Assert.True((await value.BoundingBoxAsync())!.Width > 300, "the value cell spans the card");
        await page.SetViewportSizeAsync(1280, 2000);
        var mic = page.Locator("#checklistTable tr[data-item='mic'] td");
        Assert.Equal(("mic", "已确认"), (await mic.Nth(0).TextContentAsync(), await mic.Nth(3).TextContentAsync()));
        Assert.Equal("待确认", await page.Locator("#checklistTable tr[data-item='lights'] td").Nth(3).TextContentAsync());
        Assert.Equal("确认", await page.Locator("#checklistTable button[data-confirm='lights']").TextContentAsync());
        Assert.Equal("条款", await page.Locator("#checklistTable th").Nth(6).TextContentAsync());

        // The rest of the room page: chart titles and legend names (from the server), evidence and framing reference.
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        Assert.Equal("帧率", await page.TextContentAsync("#panel-fps h3"));
        Assert.Equal("灯光（亮度）", await page.TextContentAsync("#panel-lighting h3"));
        Assert.Contains("平均", await page.TextContentAsync("#panel-fps .u-legend"), StringComparison.Ordinal);
        Assert.Matches("^每点 \\d+(\\.\\d+)? 秒（(原始数据|1 分钟汇总)）$", await page.TextContentAsync("#info"));
        Assert.Equal(("取证截图", "构图参考"), (await page.TextContentAsync("#evidence h3"), await page.TextContentAsync("#reference h3")));
        Assert.Equal("截取参考画面", await page.TextContentAsync("#capture"));

        // Events and evidence by name: a frozen picture's start and end (how long it lasted), the regular thumbnail.
        Assert.Equal(
            ["画面冻结结束，持续 95 秒", "画面冻结开始：画面 10 秒无变化，音频和编码器数据包也无活动迹象"],
            (await page.Locator("#events li[data-type='frozen']").AllTextContentsAsync()).Select(x => x[(x.IndexOf(" — ", StringComparison.Ordinal) + 3)..]));
        Assert.EndsWith(" · 定时截图", await page.Locator("#thumbs figcaption").First.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoomPage_Technician_ShowBandOnEveryPanelAndChecklistWithCommands()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 2000 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        await page.GotoAsync(new Uri(stack.BaseUri, "room.html?site=demo&room=room-1&range=1h").ToString());
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("#checklist[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        var charts = await page.Locator(".panel .uplot").CountAsync();
        Assert.True(charts >= 3, $"{charts} charts drawn");
        var bands = page.Locator($".show-band[data-show='{stack.ShowId}']");
        Assert.Equal(charts, await bands.CountAsync());
        Assert.StartsWith(BrowserFixture.ShowTitle + "\n", await bands.First.GetAttributeAsync("title"), StringComparison.Ordinal);
        Assert.True((await bands.First.BoundingBoxAsync())!.Width > 0);
        Assert.EndsWith(BrowserFixture.ShowTitle + " (Lin)", await page.Locator($"#shows li[data-show='{stack.ShowId}']").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#shows b, .show-band b").CountAsync());

        Assert.Equal(BrowserFixture.ChecklistRun, await page.GetAttributeAsync("#checklist", "data-run"));
        Assert.StartsWith("not ready · ", await page.TextContentAsync("#checklistRun"), StringComparison.Ordinal);
        Assert.EndsWith(" · started by technician · NOT ready at T-10", await page.TextContentAsync("#checklistRun"), StringComparison.Ordinal);
        var items = new List<string?>();
        foreach (var row in await page.Locator("#checklistTable tbody tr").AllAsync())
        {
            items.Add(await row.GetAttributeAsync("data-item"));
        }

        Assert.Equal(["uplink", "resolution", "mic", "lights"], items);
        var uplink = page.Locator("#checklistTable tr[data-item='uplink'] td");
        Assert.Equal(["Uplink", "5.2 Mbit/s", "≥ 4 Mbit/s", "pass", ""], (await uplink.AllTextContentsAsync()).Take(5));
        var mic = page.Locator("#checklistTable tr[data-item='mic'] td");
        Assert.Equal("confirmed", await mic.Nth(3).TextContentAsync());
        Assert.Equal("technician", await mic.Nth(4).TextContentAsync());
        Assert.Equal(1, await page.Locator("#checklistTable button[data-confirm]").CountAsync());
        Assert.Equal(1, await page.Locator("#checklistTable tr[data-item='lights'] button[data-confirm='lights']").CountAsync());

        // The fixture's dashboard has no broker: the command is refused with the reason, shown on the page.
        Assert.True(await page.IsVisibleAsync("#runChecklist"));
        await page.ClickAsync("#runChecklist");
        await page.WaitForSelectorAsync("#checklist[data-send-error]", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        Assert.Equal("status error", await page.GetAttributeAsync("#checklistMessage", "class"));
        Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("#checklistMessage")));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "room-show-checklist.png"), FullPage = true });
    }

    [Fact]
    public async Task RoomPage_AntiForgeryTokenNoLongerValid_TheChangeIsSentAgainWithAFreshOne()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        await page.GotoAsync(new Uri(stack.BaseUri, "room.html?site=demo&room=room-1").ToString());
        await page.WaitForSelectorAsync("#checklist[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        await page.ClickAsync("#runChecklist");
        await page.WaitForSelectorAsync("#checklist[data-send-error]", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        var first = await page.GetAttributeAsync("#checklist", "data-send-error");
        Assert.DoesNotContain("anti-forgery", first, StringComparison.OrdinalIgnoreCase);

        // What a dashboard restart with new keys does to an open page: the token it holds no longer matches.
        await context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "liveroom_csrf" });
        await page.EvaluateAsync("() => document.getElementById('checklist').removeAttribute('data-send-error')");
        await page.ClickAsync("#runChecklist");
        await page.WaitForSelectorAsync("#checklist[data-send-error]", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        // The command reached the dashboard again (refused for want of a broker, as the first), not the token check.
        Assert.Equal(first, await page.GetAttributeAsync("#checklist", "data-send-error"));
    }

    [Fact]
    public async Task RoomPage_Manager_ChecklistWithoutCommands()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "manager", stack.Passwords["manager"]);
        await page.GotoAsync(new Uri(stack.BaseUri, "room.html?site=demo&room=room-1").ToString());
        await page.WaitForSelectorAsync("#checklistTable tr[data-item='lights']", new PageWaitForSelectorOptions { Timeout = Timeout });

        Assert.False(await page.IsVisibleAsync("#runChecklist"));
        Assert.Equal(0, await page.Locator("#checklistTable button").CountAsync());
        Assert.Equal("open", await page.Locator("#checklistTable tr[data-item='lights'] td").Nth(3).TextContentAsync());

        // No reference and no frame to mark: the status says so, with no empty editor and nothing to press.
        await page.WaitForSelectorAsync("body[data-ref-version='0']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        Assert.Equal("Not commissioned: no approved reference yet.", await page.TextContentAsync("#refStatus"));
        Assert.False(await page.IsVisibleAsync("#refCanvas"));
        Assert.False(await page.IsVisibleAsync("#refRegions"));
        Assert.Equal(0, await page.Locator("#reference button:visible").CountAsync());
    }

    [Fact]
    public async Task RoomPage_RoomWithoutRunOrShow_SaysSoWithoutTable()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        await page.GotoAsync(new Uri(stack.BaseUri, "room.html?site=demo&room=room-2").ToString());
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("#checklist[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        Assert.Equal("No checklist run in the last 7 days.", await page.TextContentAsync("#checklistRun"));
        Assert.False(await page.IsVisibleAsync("#checklistTable"));
        Assert.True(await page.IsVisibleAsync("#runChecklist"));
        Assert.Equal(0, await page.Locator(".show-band").CountAsync());
        Assert.Equal(0, await page.Locator("#shows li").CountAsync());
    }

    [GeneratedRegex(@"^\d\d:\d\d–\d\d:\d\d$")]
    private static partial Regex TimeRange();
}
