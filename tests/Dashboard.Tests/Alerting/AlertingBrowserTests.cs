using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiveRoom.Dashboard.Tests.Browser;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Alerting;

/// <summary>
/// The alert settings page in Debian's chromium, against the real collector's admin API: on-call staff add a silence
/// (recorded as theirs) and see rules and rota read-only; an admin changes a rule's threshold, and a refusal of the
/// collector shows its reason on the page.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AlertingBrowserTests(BrowserFixture stack) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task OnCall_AddsASilence_RulesReadOnly_Admin_ChangesAThreshold_RefusalShownVerbatim()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await stack.SignInAsync(page, "on-call");
        await page.ClickAsync("#alertingLink");
        await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout });

        Assert.Equal(0, await page.Locator("#rules input").CountAsync());
        Assert.True(await page.Locator("#rotaEdit").IsHiddenAsync());
        Assert.Equal("29.5", await page.Locator("#rules tr[data-rule=fps_low] td").Nth(3).TextContentAsync());
        // The condition and its "for" in words (rule-words.js), not the collector's field names and TimeSpan.
        Assert.Equal("frame rate < 29.5 fps", await page.Locator("#rules tr[data-rule=fps_low] td").Nth(2).TextContentAsync());
        Assert.Equal("10 s", await page.Locator("#rules tr[data-rule=fps_low] td").Nth(4).TextContentAsync());
        Assert.Equal("–", await page.Locator("#rules tr[data-rule=camera_blocked] td").Nth(3).TextContentAsync());
        // Nothing silenced yet and nobody on the rota: the page says both (the rota's emptiness as a problem).
        Assert.True(await page.IsVisibleAsync("#noSilences"));
        Assert.False(await page.IsVisibleAsync("#silences"));
        Assert.True(await page.IsVisibleAsync("#noRota"));
        await page.SelectOptionAsync("#sSite", "demo");
        await page.SelectOptionAsync("#sRoom", "room-1");
        await page.SelectOptionAsync("#sRule", "fps_low");
        await page.FillAsync("#sComment", "lens cleaning");
        await page.ClickAsync("#silenceForm button[type=submit]");
        var silence = page.Locator("#silences tbody tr").Filter(new LocatorFilterOptions { HasText = "lens cleaning" });
        await silence.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        // The rule by its title, its id in the tooltip.
        Assert.Equal(["demo", "room-1", "Frame rate below 30 fps"], [.. (await silence.Locator("td").AllTextContentsAsync()).Skip(1).Take(3)]);
        Assert.Equal("fps_low", await silence.Locator("td").Nth(3).GetAttributeAsync("title"));
        Assert.Equal("on-call", await silence.Locator("td").Nth(6).TextContentAsync());
        Assert.False(await page.IsVisibleAsync("#noSilences"));

        var admin = await context.Browser!.NewContextAsync();
        var adminPage = await OpenAsync(admin, "admin");
        var rule = adminPage.Locator("#rules tr[data-rule=fps_low]");
        await rule.Locator("input.threshold").FillAsync("25");
        await rule.Locator("button.save").ClickAsync();
        await adminPage.WaitForSelectorAsync("#info:text('Rule saved: fps_low')", new PageWaitForSelectorOptions { Timeout = Timeout });
        await adminPage.ReloadAsync();
        await adminPage.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Equal("25", await adminPage.Locator("#rules tr[data-rule=fps_low] input.threshold").InputValueAsync());

        await adminPage.Locator("#rules tr[data-rule=fps_low] input.for").FillAsync("-00:00:05");
        await adminPage.Locator("#rules tr[data-rule=fps_low] button.save").ClickAsync();
        await adminPage.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Contains("for is -00:00:05", await adminPage.TextContentAsync("#error"), StringComparison.Ordinal);
        await adminPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "alerting.png"), FullPage = true });
        await admin.CloseAsync();
    }

    [Fact]
    public async Task Admin_AddsAShiftOnTheSitesClock_SavedAsWritten_OnCallReadsIt_UnknownZoneRefused()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await OpenAsync(context, "admin");
        try
        {
            // A weekday day shift at the demo site, written on its clock: the new row's zone is the site's.
            await page.ClickAsync("#rotaAdd");
            var row = page.Locator("#rota tbody tr").Last;
            Assert.Equal("demo", await row.Locator("input[data-k=site]").InputValueAsync());
            Assert.Equal("Asia/Shanghai", await row.Locator("input[data-k=timeZone]").InputValueAsync());
            await row.Locator("input[data-k=name]").FillAsync("wang");
            await row.Locator("input[data-k=mobile]").FillAsync("13800000001");
            foreach (var day in new[] { "monday", "tuesday", "wednesday", "thursday", "friday" })
            {
                await row.Locator($"input[data-day={day}]").CheckAsync();
            }

            await row.Locator("input[data-k=from]").FillAsync("09:00");
            await row.Locator("input[data-k=to]").FillAsync("18:00");
            await page.ClickAsync("#rotaSave");
            await page.WaitForSelectorAsync("#info:text('Rota saved')", new PageWaitForSelectorOptions { Timeout = Timeout });
            await page.Locator("#rota").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "alerting-rota.png") });

            // The collector holds it as written, with its zone.
            using (var api = await stack.SignedInClientAsync("admin"))
            {
                var stored = Assert.Single(JsonNode.Parse(await api.GetStringAsync(new Uri("api/alerting/rota", UriKind.Relative)))!.AsArray())!;
                Assert.Equal(("wang", "09:00:00", "18:00:00", "Asia/Shanghai"), (stored["name"]!.GetValue<string>(), stored["from"]!.GetValue<string>(), stored["to"]!.GetValue<string>(), stored["timeZone"]!.GetValue<string>()));
                Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday"], stored["days"]!.AsArray().Select(d => d!.GetValue<string>()));
            }

            // On-call staff read the shift, in their language, with the clock it is on.
            await using (var onCall = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" }))
            {
                var reader = await OpenAsync(onCall, "on-call");
                Assert.Equal("周一 周二 周三 周四 周五 09:00–18:00 (Asia/Shanghai)", await reader.Locator("#rota tbody tr td[data-label='班次']").TextContentAsync());
            }

            // A zone the collector does not know is refused, saying which entry and why; nothing is changed.
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout });
            Assert.True(await page.Locator("#rota tbody tr input[data-day=monday]").IsCheckedAsync());
            Assert.False(await page.Locator("#rota tbody tr input[data-day=saturday]").IsCheckedAsync());
            await page.Locator("#rota tbody tr input[data-k=timeZone]").FillAsync("Mars/Olympus");
            await page.ClickAsync("#rotaSave");
            await page.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });
            Assert.Contains("rota entry 'wang' of site 'demo': time zone 'Mars/Olympus' is not known", await page.TextContentAsync("#error"), StringComparison.Ordinal);
        }
        finally
        {
            await EmptyRotaAsync();
        }
    }

    [Fact]
    public async Task Admin_AddsACoverForAHoliday_SavedWithItsDates_OnCallReadsIt_DatesOutOfOrderRefused()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await OpenAsync(context, "admin");
        try
        {
            // The weekly on-call engineer, and a cover for a week from today on the site's clock.
            await page.ClickAsync("#rotaAdd");
            var weekly = page.Locator("#rota tbody tr").Last;
            await weekly.Locator("input[data-k=level]").FillAsync("1");
            await weekly.Locator("input[data-k=name]").FillAsync("wang");
            Assert.False(await weekly.Locator("input[data-cover]").IsCheckedAsync());

            await page.ClickAsync("#rotaCover");
            var cover = page.Locator("#rota tbody tr").Last;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
            var first = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = today.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(await cover.Locator("input[data-cover]").IsCheckedAsync());
            Assert.Equal(("1", "Asia/Shanghai", first, first), (await cover.Locator("input[data-k=level]").InputValueAsync(), await cover.Locator("input[data-k=timeZone]").InputValueAsync(),
                await cover.Locator("input[data-k=firstDate]").InputValueAsync(), await cover.Locator("input[data-k=lastDate]").InputValueAsync()));
            await cover.Locator("input[data-k=name]").FillAsync("li");
            await cover.Locator("input[data-k=lastDate]").FillAsync(last);
            await page.ClickAsync("#rotaSave");
            await page.WaitForSelectorAsync("#info:text('Rota saved')", new PageWaitForSelectorOptions { Timeout = Timeout });

            // Who a notice would go to now: the cover, not the weekly engineer; nobody at level 0.
            await page.WaitForSelectorAsync("#onDuty li[data-site=demo] span[data-level='1']:text-is('Level 1: li (cover)')", new PageWaitForSelectorOptions { Timeout = Timeout });
            Assert.Equal("Level 0: nobody", await page.TextContentAsync("#onDuty li[data-site=demo] span[data-level='0']"));
            await page.Locator("#rota").Locator("xpath=..").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "alerting-rota-cover.png") });

            // The collector holds the cover with its dates; the weekly entry stays as it was.
            using (var api = await stack.SignedInClientAsync("admin"))
            {
                var stored = JsonNode.Parse(await api.GetStringAsync(new Uri("api/alerting/rota", UriKind.Relative)))!.AsArray();
                Assert.Equal(2, stored.Count);
                Assert.Equal(("wang", false, null, null), (stored[0]!["name"]!.GetValue<string>(), stored[0]!["cover"]!.GetValue<bool>(), stored[0]!["firstDate"]?.GetValue<string>(), stored[0]!["lastDate"]?.GetValue<string>()));
                Assert.Equal(("li", true, first, last), (stored[1]!["name"]!.GetValue<string>(), stored[1]!["cover"]!.GetValue<bool>(), stored[1]!["firstDate"]!.GetValue<string>(), stored[1]!["lastDate"]!.GetValue<string>()));
            }

            // On-call staff read which entry is a cover and for which dates, in their language.
            await using (var onCall = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" }))
            {
                var reader = await OpenAsync(onCall, "on-call");
                Assert.Equal("代班 · " + first + "–" + last + " (Asia/Shanghai)", await reader.Locator("#rota tbody tr.cover td[data-label='班次']").TextContentAsync());
                Assert.Equal("全天", await reader.Locator("#rota tbody tr:not(.cover) td[data-label='班次']").TextContentAsync());
                Assert.Equal("级别 1：li（代班）", await reader.TextContentAsync("#onDuty li[data-site=demo] span[data-level='1']"));
            }

            // Dates out of order, and a cover without an end, are refused naming the entry; nothing is changed.
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout });
            cover = page.Locator("#rota tbody tr.cover");
            await cover.Locator("input[data-k=firstDate]").FillAsync(last);
            await cover.Locator("input[data-k=lastDate]").FillAsync(first);
            await page.ClickAsync("#rotaSave");
            await page.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });
            Assert.Contains($"rota entry 'li' of site 'demo': the last date {first} is before the first {last}", await page.TextContentAsync("#error"), StringComparison.Ordinal);
            await cover.Locator("input[data-k=lastDate]").FillAsync("");
            await page.ClickAsync("#rotaSave");
            await page.WaitForSelectorAsync("#error:has-text('a cover needs its first and last date')", new PageWaitForSelectorOptions { Timeout = Timeout });
            using (var api = await stack.SignedInClientAsync("admin"))
            {
                var stored = JsonNode.Parse(await api.GetStringAsync(new Uri("api/alerting/rota", UriKind.Relative)))!.AsArray();
                Assert.Equal((first, last), (stored[1]!["firstDate"]!.GetValue<string>(), stored[1]!["lastDate"]!.GetValue<string>()));
            }
        }
        finally
        {
            await EmptyRotaAsync();
        }
    }

    [Fact]
    public async Task Gaps_NobodyAtLevel0DuringTheShow_Shown_AnEntryThatEnds_LeavesAGapFromItsEnd_FilledItSaysNone()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        // Six more shows this week, one a day: seven in all.
        var later = new List<string>();
        using (var api = await stack.SignedInClientAsync("admin"))
        {
            foreach (var day in Enumerable.Range(1, 6))
            {
                var start = DateTimeOffset.UtcNow.AddDays(day);
                using var created = await api.PostAsJsonAsync("api/sites/demo/shows", new LiveRoom.Dashboard.Schedules.ShowRequest("room-1", start, start.AddHours(1), "Day " + day, "Lin", null));
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
                later.Add(JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
            }
        }

        var page = await OpenAsync(context, "admin");
        try
        {
            // Nobody on the rota: level 0 is a gap all week, and every show falls in it (titles are text; five named).
            var gap = page.Locator("#gaps li[data-site=demo] li.gap[data-level='0']");
            Assert.Equal(1, await gap.CountAsync());
            Assert.Equal("级别 0：7 天内一直", await gap.Locator(".gap-when").TextContentAsync());
            Assert.Equal("无人：告警不会指名任何人", await gap.Locator(".gap-then").TextContentAsync());
            Assert.Contains("gap during-show", await gap.GetAttributeAsync("class"), StringComparison.Ordinal);
            var shows = await gap.Locator(".gap-shows").TextContentAsync();
            Assert.StartsWith("期间有 7 场直播：" + BrowserFixture.ShowTitle + "（Room 1 ", shows, StringComparison.Ordinal);
            Assert.Contains("；Day 4（Room 1 ", shows, StringComparison.Ordinal);
            Assert.DoesNotContain("Day 5", shows, StringComparison.Ordinal);
            Assert.EndsWith("） 及另外 2 场", shows, StringComparison.Ordinal);
            Assert.Equal("rgb(255, 138, 128)", await gap.EvaluateAsync<string>("e => getComputedStyle(e).color"));

            // A technician on level 0 every day up to the day after tomorrow (the site's clock): the gap starts after it.
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
            await page.ClickAsync("#rotaAdd");
            var row = page.Locator("#rota tbody tr").Last;
            await row.Locator("input[data-k=name]").FillAsync("wang");
            await row.Locator("input[data-k=lastDate]").FillAsync(today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.ClickAsync("#rotaSave");
            await page.WaitForSelectorAsync("#info:text('值班表已保存')", new PageWaitForSelectorOptions { Timeout = Timeout });
            var starts = new DateTimeOffset(today.AddDays(3).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            Assert.Equal(starts, DateTimeOffset.Parse((await gap.GetAttributeAsync("data-start"))!, CultureInfo.InvariantCulture));
            Assert.Matches(@"^级别 0：\S+ 00:00 起一直$", await gap.Locator(".gap-when").TextContentAsync());
            Assert.Contains(starts.ToString("MM/dd", CultureInfo.InvariantCulture), await gap.Locator(".gap-when").TextContentAsync(), StringComparison.Ordinal);
            var after = await gap.Locator(".gap-shows").TextContentAsync();
            Assert.DoesNotContain(BrowserFixture.ShowTitle, after, StringComparison.Ordinal); // in progress now, covered
            Assert.Contains("Day 6", after, StringComparison.Ordinal);
            await page.Locator("#gaps").Locator("xpath=..").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "alerting-rota-gaps.png") });

            // 06:00 to 04:00 the next morning, every day: two hours a night without anyone, each on one day (the date once;
            // the first and last may be cut by now and the week's end).
            await row.Locator("input[data-k=lastDate]").FillAsync("");
            await row.Locator("input[data-k=from]").FillAsync("06:00");
            await row.Locator("input[data-k=to]").FillAsync("04:00");
            await page.ClickAsync("#rotaSave");
            await page.WaitForSelectorAsync("#gaps li[data-site=demo] li.gap:nth-child(6)", new PageWaitForSelectorOptions { Timeout = Timeout });
            var nights = await gap.Locator(".gap-when").AllTextContentsAsync();
            Assert.InRange(nights.Count, 6, 8);
            Assert.All(nights.Skip(1).SkipLast(1), n => Assert.Matches(@"^级别 0：\d\d/\d\d周. 04:00 – 06:00（2小时）$", n));

            // All day without an end: nobody is missing any more.
            await row.Locator("input[data-k=from]").FillAsync("");
            await row.Locator("input[data-k=to]").FillAsync("");
            await page.ClickAsync("#rotaSave");
            await page.WaitForSelectorAsync("#gaps li[data-site=demo] .no-gaps", new PageWaitForSelectorOptions { Timeout = Timeout });
            Assert.Equal("无：每个级别都有人值班", await page.TextContentAsync("#gaps li[data-site=demo] .no-gaps"));
        }
        finally
        {
            await EmptyRotaAsync();
            using var api = await stack.SignedInClientAsync("admin");
            foreach (var id in later)
            {
                using var deleted = await api.DeleteAsync(new Uri("api/sites/demo/shows/" + id, UriKind.Relative));
                deleted.EnsureSuccessStatusCode();
            }
        }
    }

    [Fact]
    public async Task Wall_ShowInAGapAtLevel0_ABannerLinksToTheGaps_GoneOnceSomeoneIsOnDuty()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await stack.SignInAsync(page, "technician");
        await page.GotoAsync(new Uri(stack.BaseUri, "index.html").ToString());

        // Nobody on the rota: the show in progress has nobody at level 0.
        var banner = page.Locator("#rotaGaps");
        await banner.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = Timeout });
        Assert.StartsWith("未来 7 天有 1 场直播期间级别 0 无人值班", await banner.TextContentAsync(), StringComparison.Ordinal);
        var named = await banner.Locator("small").TextContentAsync();
        Assert.Contains(" " + BrowserFixture.ShowTitle + "（Room 1）", named, StringComparison.Ordinal);
        Assert.EndsWith(" — 告警将不会指名任何人：请在告警页补排值班", named, StringComparison.Ordinal);
        Assert.Equal("rgb(90, 66, 16)", await banner.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.Locator("#bar").Locator("xpath=..").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "wall-rota-gap-banner.png") });

        // It leads to the list of gaps.
        await banner.ClickAsync();
        await page.WaitForSelectorAsync("#gaps li[data-site=demo] li.gap.during-show", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.EndsWith("alerting.html#gaps", page.Url, StringComparison.Ordinal);

        try
        {
            using (var api = await stack.SignedInClientAsync("admin"))
            {
                using var saved = await api.PutAsJsonAsync("api/alerting/rota", new[] { new { site = "demo", level = 0, name = "wang" } });
                saved.EnsureSuccessStatusCode();
            }

            await page.GotoAsync(new Uri(stack.BaseUri, "index.html").ToString());
            await page.WaitForSelectorAsync("body[data-updates]", new PageWaitForSelectorOptions { Timeout = Timeout });
            await page.WaitForFunctionAsync("() => document.getElementById('rotaGaps').dataset.shows === '0'", null, new PageWaitForFunctionOptions { Timeout = Timeout });
            Assert.False(await banner.IsVisibleAsync());
        }
        finally
        {
            await EmptyRotaAsync();
        }
    }

    [Fact]
    public async Task OnCall_SendsATestNotice_SeesEachChannelDeliveredOrTheRobotsRefusal_InChinese()
    {
        using (var api = await stack.SignedInClientAsync("admin"))
        {
            using var saved = await api.PutAsJsonAsync("api/alerting/rota", new object[] { new { site = "demo", level = 0, name = "王工", mobile = "13800000001" }, new { site = "demo", level = 1, name = "li" } });
            saved.EnsureSuccessStatusCode();
        }

        try
        {
            await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
            var page = await OpenAsync(context, "on-call");
            Assert.Equal(["0", "1"], await page.Locator("#tLevel option").AllTextContentsAsync());
            Assert.Equal("通知发往：ops-hook（webhook）；ops-robot（dingtalk）", await page.TextContentAsync("#channels"));
            var before = stack.Notices.Received.Count;

            await page.SelectOptionAsync("#tLevel", "0");
            await page.ClickAsync("#testNotice");
            await page.WaitForSelectorAsync("#testResult li.failed", new PageWaitForSelectorOptions { Timeout = Timeout });

            Assert.Equal("指名：王工", await page.TextContentAsync("#testResult li.named"));
            Assert.Matches(@"^ops-hook（webhook）：已送达 · \d+\.\d s$", await page.TextContentAsync("#testResult li[data-channel=ops-hook]"));
            var refused = await page.TextContentAsync("#testResult li[data-channel=ops-robot]");
            Assert.StartsWith("ops-robot（dingtalk）：失败 — ", refused, StringComparison.Ordinal);
            Assert.Contains("310000", refused, StringComparison.Ordinal);
            Assert.Contains("sign not match", refused, StringComparison.Ordinal);
            Assert.Equal("rgb(255, 138, 128)", await page.Locator("#testResult li.failed").EvaluateAsync<string>("e => getComputedStyle(e).color"));
            await page.Locator("#testResult").Locator("xpath=..").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "alerting-test-notice.png") });

            // The webhook got the test, sent as the on-call engineer, naming who is on duty.
            var received = stack.Notices.Received.Skip(before).Single(n => n["kind"]!.GetValue<string>() == "test");
            Assert.Equal("[TEST] demo: LiveRoom test notice, no action needed", received["title"]!.GetValue<string>());
            Assert.Equal("王工", received["recipients"]![0]!["name"]!.GetValue<string>());
        }
        finally
        {
            await EmptyRotaAsync();
        }
    }

    [Fact]
    public async Task OnAPhone_AdminsRulesRotaAndSilences_AreLabelledCards_NothingScrollsSideways()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN" });
        var page = await OpenAsync(context, "admin");
        await page.ClickAsync("#rotaAdd");

        // No table header on a phone: each cell says what it is, in the page's language, and its editor fits the screen.
        Assert.False(await page.IsVisibleAsync("#rules thead"));
        var rule = page.Locator("#rules tr[data-rule=fps_low]");
        Assert.Equal("阈值", await rule.Locator("td:has(input.threshold)").GetAttributeAsync("data-label"));
        var threshold = (await rule.Locator("input.threshold").BoundingBoxAsync())!;
        Assert.InRange(threshold.X + threshold.Width, 0, 390);
        Assert.True(await rule.Locator("button.save").IsVisibleAsync());
        Assert.Equal(["站点", "级别", "姓名", "手机", "邮箱", "班次"], await page.Locator("#rota tbody tr").Last.Locator("td[data-label]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.label)"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "alerting-phone.png"), FullPage = true });
        await page.Locator("#rota").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "alerting-phone-rota.png") });
    }

    /// <summary>The alerts page, signed in as <paramref name="role"/>, loaded.</summary>
    private async Task<IPage> OpenAsync(IBrowserContext context, string role)
    {
        var page = await context.NewPageAsync();
        await stack.SignInAsync(page, role);
        await page.GotoAsync(new Uri(stack.BaseUri, "alerting.html").ToString());
        await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout });
        return page;
    }

    // The other tests of this class start with nobody on the rota.
    private async Task EmptyRotaAsync()
    {
        using var api = await stack.SignedInClientAsync("admin");
        using var emptied = await api.PutAsJsonAsync("api/alerting/rota", Array.Empty<object>());
        emptied.EnsureSuccessStatusCode();
    }
}
