using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Tests.Browser;
using LiveRoom.Testing;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Lifecycle;

/// <summary>
/// Seed clause 6.1.6 on the technician's screens, in Debian's chromium over a real Mosquitto: the state the room's edge
/// publishes (retained) is shown beside the room page's name, in the door sign's words and colour with the edge's reason
/// in the reader's language, follows a change within seconds, and colours the wall's tile the same way — also while
/// InfluxDB is unreachable (this fixture has none): states come from the broker, not from the metrics.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RoomStateBrowserTests(BrokerDashboardFixture stack) : IClassFixture<BrokerDashboardFixture>
{
    private const float Timeout = 30_000;
    private const string Site = "demo";
    private const string Room = "state-room";

    [Fact]
    public async Task RoomPage_EdgeSaysNotReadyThenOnAir_BadgeInTheDoorSignsWordsAndColour_WallTileAlike_WithoutInfluxDb()
    {
        await using var edge = await TestMqtt.ConnectAsync(stack.Broker);
        await edge.PublishAsync(Topic.Status(Site, Room), EdgeStates.Status(Site, Room, StatusMessage.Online), retain: true);
        await edge.PublishAsync(Topic.State(Site, Room), EdgeStates.State(Site, Room, RoomStates.NotReady, "uplink 2.1 Mbit/s, needs ≥ 5 Mbit/s", timeZone: "Asia/Shanghai"), retain: true);

        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await stack.SignInAdminAsync(page);
        await page.GotoAsync(new Uri(stack.BaseUri, $"room.html?site={Site}&room={Room}").ToString());

        var badge = page.Locator("#roomState");
        await page.WaitForSelectorAsync("#roomState[data-state='not-ready']", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Equal("未就绪 NOT READY", await badge.Locator("strong").TextContentAsync());
        Assert.Equal("上行带宽未通过 uplink 2.1 Mbit/s, needs ≥ 5 Mbit/s", await badge.Locator(".state-detail").TextContentAsync());
        Assert.Equal("rgb(179, 38, 30)", await Background(badge));
        await page.Locator("nav.range").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "room-state.png") });

        // The stream starts: the page follows without a reload.
        await edge.PublishAsync(Topic.State(Site, Room), EdgeStates.State(Site, Room, RoomStates.Live, timeZone: "Asia/Shanghai"), retain: true);
        await page.WaitForSelectorAsync("#roomState[data-state='live']", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Equal("直播中 ON AIR", await badge.Locator("strong").TextContentAsync());
        Assert.Equal(0, await badge.Locator(".state-detail").CountAsync());
        Assert.Equal("rgb(209, 36, 47)", await Background(badge));

        // The wall's tile of the room: the same words, the same colour, though the wall has no metrics (and says so).
        await page.GotoAsync(new Uri(stack.BaseUri, "index.html").ToString());
        var tileBadge = page.Locator($"article.tile[data-site='{Site}'][data-room='{Room}'] .state");
        await tileBadge.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.Equal("直播中 ON AIR", await tileBadge.Locator("strong").TextContentAsync());
        Assert.Equal("rgb(209, 36, 47)", await Background(tileBadge));
        Assert.StartsWith("无数据: ", await page.TextContentAsync("#status"), StringComparison.Ordinal);
    }

    private static Task<string> Background(ILocator badge) => badge.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
}
