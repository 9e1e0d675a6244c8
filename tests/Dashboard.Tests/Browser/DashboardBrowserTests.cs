using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Browser;

/// <summary>
/// Issue 8, "Done when": in Debian's chromium, each role signs in and sees the wall update live, a room page changes
/// its range to 30 days, a new user must replace the one-time password, and markup in a room name stays text.
/// Screenshots of the wall and the room page go to var/screenshots/.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class DashboardBrowserTests(BrowserFixture stack) : IClassFixture<BrowserFixture>
{
    private static readonly float Timeout = 30_000;

    [Theory]
    [InlineData("technician")]
    [InlineData("on-call")]
    [InlineData("manager")]
    [InlineData("admin")]
    public async Task Wall_SignedInAsRole_TilesUpdateLiveWithoutReload(string role)
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();

        await SignInAsync(page, role, stack.Passwords[role]);
        await page.WaitForSelectorAsync("article.tile.ok[data-room='room-1']", new PageWaitForSelectorOptions { Timeout = Timeout });
        var first = int.Parse(await page.GetAttributeAsync("body", "data-updates") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        // Two more server-sent snapshots arrive on the same page: live, without a reload (the page's CSP forbids eval,
        // so the wait is on an attribute, not on a JavaScript predicate).
        await page.WaitForSelectorAsync($"body[data-updates='{first + 2}']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        Assert.Equal("1920x1080", await page.Locator("article[data-room='room-1'] dd").First.TextContentAsync());
        Assert.Contains("bad", await page.GetAttributeAsync("article[data-room='room-2']", "class"), StringComparison.Ordinal);
        Assert.StartsWith("⚠ Frame rate below standard: 25 fps < 29.97", await page.Locator("article[data-room='room-2'] .alerts li").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(role, (await page.Locator("header .user").TextContentAsync())!.Split(' ')[0]);
        if (role == "manager")
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "wall.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task Wall_RoomNameWithMarkup_ShownAsTextNeverRun()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        var tile = page.Locator("article.tile").Filter(new LocatorFilterOptions { HasText = BrowserFixture.XssRoom });
        await tile.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });

        Assert.Equal(BrowserFixture.XssRoom, await tile.Locator("h3").TextContentAsync());
        // The only images on the wall are evidence thumbnails (img.thumb, data: JPEGs the page made itself).
        Assert.Equal(0, await page.Locator("article img:not(.thumb)").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("window.__xss ?? null"));
    }

    [Fact]
    public async Task RoomPage_AxisTicks_AsManyDecimalsAsTheirStepNeeds()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(stack.BaseUri, "login.html").ToString());

        var labels = await page.EvaluateAsync<string[]>("""
            async () => {
              const f = await import("./room-format.js");
              return [
                f.tickLabel("blocks", 0.1475, 0.0025), f.tickLabel("blocks", 0.145, 0.0025),
                f.tickLabel("fps", 60, 20), f.tickLabel("0-255", 150, 50), f.tickLabel("LUFS", -18.5, 0.5),
                f.tickLabel("bit/s", 4_600_000, 200_000), f.tickLabel("bit/s", 5_000, 5_000), f.tickLabel("bit/s", 4_250_000, 50_000),
                f.valueLabel("fps", 29.97), f.valueLabel("bit/s", 4_620_000), f.valueLabel("bit/s", 12_345), f.valueLabel("fps", null),
              ];
            }
            """);

        Assert.Equal(
            ["0.1475 blocks", "0.1450 blocks", "60 fps", "150 0-255", "-18.5 LUFS", "4.6 Mbit/s", "5 kbit/s", "4.25 Mbit/s", "29.97 fps", "4.62 Mbit/s", "12 kbit/s", "–"],
            labels);
    }

    [Fact]
    public async Task RoomPage_ValueAxis_WidensWhenItsTicksNeedIt()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(stack.BaseUri, "login.html").ToString());

        // The axis as uPlot hands it to a size function (its default font, tick length and gap), measured on a real canvas.
        var sizes = await page.EvaluateAsync<double[]>("""
            async () => {
              const f = await import("./room-format.js");
              const ctx = document.createElement("canvas").getContext("2d");
              const axis = { font: ["12px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif"], ticks: { size: 10 }, gap: 5, _size: 123 };
              const u = { ctx, axes: [{}, axis] };
              ctx.font = axis.font[0];
              const long = ["0.1500 blocks", "0.1475 blocks", "0.1450 blocks"];
              return [
                f.axisSize(u, ["60 fps", "40 fps"], 1, 0),
                f.axisSize(u, long, 1, 0),
                10 + 5 + ctx.measureText("0.1475 blocks").width,
                f.axisSize(u, null, 1, 0),
                f.axisSize(u, long, 1, 2),
                f.AXIS_MIN,
              ];
            }
            """);

        Assert.Equal(sizes[5], sizes[0]); // short ticks keep the common width, so the panels' time axes line up
        Assert.True(sizes[1] > sizes[5], $"'0.1475 blocks' did not widen the axis: {sizes[1]} px");
        Assert.True(sizes[1] >= sizes[2], $"the axis ({sizes[1]} px) is narrower than its tick, tick length and gap ({sizes[2]} px)");
        Assert.Equal(sizes[5], sizes[3]); // before uPlot has ticks
        Assert.Equal(123, sizes[4]); // uPlot's later sizing cycles keep the size it settled on
    }

    [Fact]
    public async Task RoomPage_Range30Days_DrawsDownsampledPanels()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1600 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "manager", stack.Passwords["manager"]);
        await page.ClickAsync("article[data-room='room-1'] h3 a");
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        await page.ClickAsync("#presets button[data-range='30d']");
        await page.WaitForSelectorAsync("body[data-loaded='2']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        Assert.Contains("range=30d", page.Url, StringComparison.Ordinal);
        var points = int.Parse((await page.GetAttributeAsync("#panel-fps", "data-points"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(points, 300, 1300);
        Assert.Equal(1, await page.Locator("#panel-fps canvas").CountAsync());
        Assert.Contains("s / point", await page.TextContentAsync("#info"), StringComparison.Ordinal);
        Assert.EndsWith("freeze: " + BrowserFixture.XssRoom, await page.Locator("#events li[data-type='freeze']").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#events img").CountAsync());
        var freeze = page.Locator("#panel-fps .event-mark[data-type='freeze']");
        Assert.Equal(1, await freeze.CountAsync());
        Assert.EndsWith("freeze: " + BrowserFixture.XssRoom, await freeze.GetAttributeAsync("title"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "room-30d.png"), FullPage = true });
    }

    [Fact]
    public async Task Reports_Manager_SeesTableAndExportsCsv()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "manager", stack.Passwords["manager"]);
        await page.ClickAsync("#reportsLink");
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("#table tr[data-room='room-1']", new PageWaitForSelectorOptions { Timeout = Timeout });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reports.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#csv"));
        var file = Path.Combine(BrowserFixture.ScreenshotDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(file);

        var lines = await File.ReadAllLinesAsync(file);
        Assert.StartsWith("site,room,from,to,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("demo,room-1,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_ManagerReadingChinese_TablesNotesAndShowReportAreInChinese()
    {
        // A manager whose browser asks for Chinese (navigator.language zh-CN) reads the reports in Chinese.
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "manager", stack.Passwords["manager"]);
        await page.WaitForSelectorAsync("article[data-room='room-1']", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Equal("标准：1920x1080、30 fps 及以上（29.97 可接受），标准条款 6.2.2.1。", await page.TextContentAsync("footer"));
        await page.ClickAsync("#reportsLink");
        await page.WaitForSelectorAsync("#table tr[data-room='room-1']", new PageWaitForSelectorOptions { Timeout = Timeout });
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        Assert.StartsWith("合规报表 ", await page.TextContentAsync("#title"), StringComparison.Ordinal);
        Assert.Equal(["站点", "直播间", "上报时长（分钟）", "1080p30 占比 %", "上行 ≥ 4 Mbit/s 占比 %", "推流 ≥ 4 Mbit/s 占比 %", "事件"], await page.Locator("#table th").AllTextContentsAsync());
        Assert.Equal("场次", await page.TextContentAsync("#showsTitle"));
        Assert.Matches("^(此期间没有排期场次。|\\d+ 场：开播前检查按时 \\d+/\\d+，通过 \\d+/\\d+。)$", await page.TextContentAsync("#showsSummary"));
        Assert.Equal("导出 CSV", await page.TextContentAsync("#csv"));
        Assert.Equal("导出 CSV", await page.TextContentAsync("#showsCsv"));
        Assert.Matches("^\\((取自 1 分钟汇总|取自原始数据)\\)$", await page.TextContentAsync("#info"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reports-zh.png"), FullPage = true });
        // A heading of one word ("按时", "开播前检查") stays on one line rather than a character per line (one with a
        // unit in brackets, "确认（分钟）", may put it under).
        var broken = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll(".report th")].filter((th) => /^[^\s（(]+$/.test(th.textContent.trim())).filter((th) => {
              const range = document.createRange();
              range.selectNodeContents(th);
              return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
            }).map((th) => th.textContent)
            """);
        Assert.True(broken.Length == 0, "headings broken across lines: " + string.Join(", ", broken));

        await page.GotoAsync(new Uri(stack.BaseUri, $"show.html?site=demo&id={Uri.EscapeDataString(stack.ShowId)}").ToString());
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        Assert.Equal(["主播", "排期", "上报", "1080p30", "推流 ≥ 4 Mbit/s", "上行 ≥ 4 Mbit/s"], await page.Locator("#facts dt").AllTextContentsAsync());
        Assert.Equal("开播前检查（标准 7.4.3）", await page.Locator("h3").First.TextContentAsync());
        Assert.Matches("^(本场没有开播前检查记录。|开始于 .+（开播前 .+ 分钟，(按时|未按时)）；(已通过|未通过)；状态 .+；T-10 就绪：(是|否|–)。)$", await page.TextContentAsync("#checklist"));
        Assert.Equal(["时间", "项目", "状态", "数值", "阈值", "条款", "确认人"], await page.Locator("#items th").AllTextContentsAsync());
    }

    [Fact]
    public async Task Login_BeforeItsScriptRuns_CannotSendThePasswordInAUrl()
    {
        // As a slow page is until login.js has loaded: a click then must not submit the form natively (a GET would put
        // the password in the address, the history and the server's logs).
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(stack.BaseUri, "login.html").ToString());

        Assert.True(await page.Locator("#signin").IsDisabledAsync());
        Assert.True(await page.Locator("#changeButton").IsDisabledAsync());
        Assert.Equal("post", await page.Locator("#login").GetAttributeAsync("method"));
        Assert.Equal("post", await page.Locator("#change").GetAttributeAsync("method"));
    }

    [Fact]
    public async Task Wall_StateBadgeOnATile_EachStateInItsOwnColour_NotTheBadgesGrey()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        await page.WaitForSelectorAsync("article.tile", new PageWaitForSelectorOptions { Timeout = Timeout });

        // The badge app.js puts on a tile ("state state-live"), coloured by the wall's own style sheet.
        var colours = await page.EvaluateAsync<Dictionary<string, string>>("""
            (states) => {
              const tile = document.querySelector("article.tile");
              return Object.fromEntries(["", ...states].map((s) => {
                const badge = document.createElement("div");
                badge.className = "state" + (s ? " state-" + s : "");
                tile.append(badge);
                const colour = getComputedStyle(badge).backgroundColor;
                badge.remove();
                return [s || "none", colour];
              }));
            }
            """, new[] { "free", "booked", "pre-show", "ready", "not-ready", "live", "fault", "ended", "offline", "unknown" });

        Assert.Equal("rgb(209, 36, 47)", colours["live"]);
        Assert.Equal("rgb(27, 127, 59)", colours["ready"]);
        Assert.Equal("rgb(179, 38, 30)", colours["not-ready"]);
        Assert.Equal(colours["offline"], colours["unknown"]);
        var states = colours.Where(c => c.Key is not ("none" or "unknown")).ToList();
        Assert.All(states, c => Assert.NotEqual(colours["none"], c.Value));
        Assert.Equal(states.Count, states.Select(c => c.Value).Distinct().Count());
    }

    [Fact]
    public async Task Wall_Technician_HasNoReportsLink()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);
        await page.WaitForSelectorAsync("article.tile", new PageWaitForSelectorOptions { Timeout = Timeout });

        Assert.Equal(0, await page.Locator("#reportsLink").CountAsync());
    }

    [Fact]
    public async Task Reports_TechnicianReadingChinese_OpenedAnyway_RefusalInChinese()
    {
        // No link leads a technician there, but a bookmark or a shared link does: the refusal names the roles in the
        // page's language instead of the server's English.
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "technician", stack.Passwords["technician"]);

        await page.GotoAsync(new Uri(stack.BaseUri, "reports.html").ToString());
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        Assert.Equal("你的账号（技术员）无权执行此操作；需要以下角色之一：经理、管理员。", await page.TextContentAsync("#info"));
        Assert.Equal("technician (技术员)", await page.TextContentAsync("header .user"));
    }

    [Fact]
    public async Task NewUser_OneTimePassword_MustChooseOwnBeforeWall()
    {
        var oneTime = await stack.CreateUserAsync("newcomer", ["technician"]);
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(stack.BaseUri, "login.html").ToString());
        await page.FillAsync("#name", "newcomer");
        await page.FillAsync("#password", oneTime);
        await page.ClickAsync("#signin");
        await page.WaitForSelectorAsync("#change:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });
        // The sign-in form gives way to the change form (app.css once displayed both, whatever the hidden attribute said).
        Assert.False(await page.IsVisibleAsync("#login"));
        Assert.True(await page.IsVisibleAsync("#change"));
        await page.FillAsync("#newPassword", "newcomer's own password");
        await page.ClickAsync("#changeButton");

        await page.WaitForSelectorAsync("article.tile", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.EndsWith("/index.html", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_ShowsOnlyTheSignInForm()
    {
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(stack.BaseUri, "login.html").ToString());
        await page.WaitForSelectorAsync("#signin:not([disabled])", new PageWaitForSelectorOptions { Timeout = Timeout });

        Assert.True(await page.IsVisibleAsync("#login"));
        Assert.False(await page.IsVisibleAsync("#change"));
        Assert.False(await page.IsVisibleAsync("#newPassword"));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryPage_WhatItHidesIsNotShown(string role)
    {
        // A page hides what a role may not use or what has nothing to say with the hidden attribute; a class giving the
        // element a display (grid, flex) used to override it: a technician saw the silence form, the wall an empty show line.
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, role, stack.Passwords[role]);
        var shown = new List<string>();
        var checkedElements = 0;
        foreach (var (path, drawn) in Pages())
        {
            await page.GotoAsync(new Uri(stack.BaseUri, path).ToString());
            await page.WaitForSelectorAsync("header .user", new PageWaitForSelectorOptions { Timeout = Timeout });
            await page.WaitForSelectorAsync(drawn, new PageWaitForSelectorOptions { Timeout = Timeout });
            checkedElements += await page.EvaluateAsync<int>("() => document.querySelectorAll('[hidden]').length");
            shown.AddRange((await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('[hidden]')].filter(e => getComputedStyle(e).display !== 'none').map(e => e.tagName + '#' + e.id + '.' + e.className)"))
                .Select(e => path + ": " + e));
        }

        Assert.True(checkedElements > 0, "no page hid anything: the check found nothing to check");
        Assert.True(shown.Count == 0, "shown despite hidden: " + string.Join(", ", shown));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task EveryPage_OnAPhone_NothingScrollsSideways(string locale)
    {
        // 390 px, a common phone: an on-call engineer or a technician reads every page there. A wide table scrolls in
        // its own box (the report's) or becomes cards (accounts, alerts, schedules); the page itself never scrolls sideways.
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = locale });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "admin", stack.Passwords["admin"]);
        var wide = new List<string>();
        foreach (var (path, drawn) in Pages())
        {
            await page.GotoAsync(new Uri(stack.BaseUri, path).ToString());
            await page.WaitForSelectorAsync("header .user", new PageWaitForSelectorOptions { Timeout = Timeout });
            await page.WaitForSelectorAsync(drawn, new PageWaitForSelectorOptions { Timeout = Timeout });
            var over = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (over > 0)
            {
                // Name the elements that reach past the screen's edge, so the failure says what to fix.
                var past = await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className)");
                wide.Add($"{path}: {over} px too wide ({string.Join(", ", past)})");
            }
        }

        Assert.True(wide.Count == 0, "pages that scroll sideways at 390 px: " + string.Join("; ", wide));
    }

    [Fact]
    public async Task EveryLinkedPage_HeadedLiveRoom_MarkedAmongTheLinks_TabTitledInTheReadersLanguage()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "admin", stack.Passwords["admin"]);
        (string Path, string Link, string Title)[] pages =
        [
            ("index.html", "直播间总览", "直播间总览"), ("reports.html", "报表", "报表"), ("schedules.html", "排期", "排期"),
            ("alerting.html", "告警", "告警"), ("sites.html", "站点", "站点与直播间"), ("accounts.html", "账号", "账号"),
        ];
        foreach (var (path, link, title) in pages)
        {
            await page.GotoAsync(new Uri(stack.BaseUri, path).ToString());
            await page.WaitForSelectorAsync("header .user", new PageWaitForSelectorOptions { Timeout = Timeout });

            // The page's name once, as the marked link, not again as the heading beside it.
            Assert.Equal("LiveRoom", await page.TextContentAsync("header h1"));
            Assert.Equal(link, await page.TextContentAsync("header nav a[aria-current=page]"));
            Assert.Equal(1, await page.Locator("header nav a[aria-current=page]").CountAsync());
            Assert.Equal("LiveRoom — " + title, await page.TitleAsync());
        }
    }

    public static TheoryData<string> Roles() => [.. BrowserFixture.RoleNames];

    // Each page with what shows it has drawn from its answers (the header's user comes first on every page).
    private (string Path, string Drawn)[] Pages() =>
    [
        ("index.html", "article[data-room='room-1'] .verdict:not(:empty)"),
        ("room.html?site=demo&room=room-1", ".uplot"),
        ("alerting.html", "header .user"),
        ("schedules.html", "header .user"),
        ("reports.html", "header .user"),
        ("accounts.html", "header .user"),
        ("sites.html", "section[data-site=demo]"),
        ($"show.html?site=demo&id={Uri.EscapeDataString(stack.ShowId)}", "header .user"),
    ];

    private Task SignInAsync(IPage page, string name, string password) => stack.SignInAsync(page, name, password);
}
