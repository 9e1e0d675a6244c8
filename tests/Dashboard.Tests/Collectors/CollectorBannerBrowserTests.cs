using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Tests.Browser;
using LiveRoom.Testing;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Collectors;

/// <summary>
/// The room wall in chromium tells its reader when metrics are not being collected: the collector's heartbeat through a
/// real Mosquitto into the dashboard process, while InfluxDB is away too (the banner must not depend on it).
/// </summary>
public sealed class CollectorBannerBrowserTests(BrokerDashboardFixture stack) : IClassFixture<BrokerDashboardFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task RoomWall_CollectorRunsThenDies_NoBannerThenARedBannerNamingIt()
    {
        await using var collector = await TestMqtt.ConnectAsync(stack.Broker);
        await collector.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Alive(DateTimeOffset.UtcNow, influx: true, "a", TimeSpan.FromSeconds(10)), retain: true);
        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await stack.SignInAdminAsync(page);

        await page.WaitForSelectorAsync("#collector[data-state='running']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        Assert.True(await page.IsHiddenAsync("#collector"));
        await collector.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Dead("a"), retain: true);
        await page.WaitForSelectorAsync("#collector[data-state='down']", new PageWaitForSelectorOptions { Timeout = Timeout });

        Assert.True(await page.IsVisibleAsync("#collector"));
        var text = await page.TextContentAsync("#collector");
        Assert.StartsWith("Data collection stopped: the collector is down.", text, StringComparison.Ordinal);
        Assert.Contains("collector a", text, StringComparison.Ordinal);
        Assert.Contains("edges keep them", text, StringComparison.Ordinal);
        // InfluxDB is away in this stack: the wall says that too, separately.
        Assert.StartsWith("no data", await page.TextContentAsync("#status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoomWall_WatchdogDies_AmberBannerNamingIt()
    {
        await using var collector = await TestMqtt.ConnectAsync(stack.Broker);
        await collector.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Alive(DateTimeOffset.UtcNow, influx: true, "a", TimeSpan.FromSeconds(10)), retain: true);
        await collector.PublishAsync(Topic.WatchdogInstance("liver-watchdog"), new ServicePresence(ServicePresence.Online, "liver-watchdog", 1).ToJson(), retain: true);
        try
        {
            await using var context = await stack.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await stack.SignInAdminAsync(page);
            await page.WaitForSelectorAsync("#collector[data-state='running']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
            Assert.True(await page.IsHiddenAsync("#collector"));

            // The watchdog's last will: collection goes on, but nobody would be told if the collector failed.
            await collector.PublishAsync(Topic.WatchdogInstance("liver-watchdog"), new ServicePresence(ServicePresence.Dead, "liver-watchdog", 0).ToJson(), retain: true);
            await page.WaitForSelectorAsync("#collector[data-state='no-watchdog']", new PageWaitForSelectorOptions { Timeout = Timeout });

            Assert.Contains("warn", await page.GetAttributeAsync("#collector", "class"), StringComparison.Ordinal);
            var text = await page.TextContentAsync("#collector");
            Assert.StartsWith("No collector watchdog is running.", text, StringComparison.Ordinal);
            Assert.Contains("watchdog liver-watchdog down since ", text, StringComparison.Ordinal);
            Assert.Contains("If the collector fails, nobody is told.", text, StringComparison.Ordinal);
        }
        finally
        {
            // Retired, as an operator would: the class's other test expects no banner while the collector runs.
            await collector.PublishAsync(Topic.WatchdogInstance("liver-watchdog"), [], retain: true);
        }
    }
}
