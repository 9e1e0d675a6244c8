using System.Text.Json;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Dashboard.Tests.Browser;
using LiveRoom.Dashboard.Tests.Evidence;
using LiveRoom.Testing;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.References;

/// <summary>
/// Issue 5 item 2 in Debian's chromium: the room page shows the candidate frame an edge sent, the technician drags a
/// rectangle per region on the canvas, saves, and the approval reaches the broker retained. Screenshot in var/screenshots.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReferenceEditorBrowserTests(BrokerDashboardFixture stack) : IClassFixture<BrokerDashboardFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task RoomPage_DrawFourRegionsAndSave_ApprovalPushedRetained()
    {
        await using var edge = await TestMqtt.ConnectAsync(stack.Broker);
        var jpeg = await EvidenceTestData.JpegAsync();
        var now = DateTimeOffset.UtcNow;
        await edge.PublishAsync("liveroom/v1/demo/room-1/thumbnail", EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-1", now.AddMinutes(-2), "interval", jpeg)), retain: false);
        await edge.PublishAsync("liveroom/v1/demo/room-1/thumbnail", EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-1", now.AddMinutes(-1), ThumbnailReasons.ReferenceCandidate, jpeg, "cap-browser")), retain: false);

        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        var page = await context.NewPageAsync();
        await stack.SignInAdminAsync(page);

        // The candidate may still be on its way through the broker: reload until the page shows it.
        for (var i = 0; i < 20 && await page.Locator("#refCanvas[data-image]").CountAsync() == 0; i++)
        {
            await page.GotoAsync(new Uri(stack.BaseUri, "room.html?site=demo&room=room-1&range=1h").ToString());
            await page.WaitForTimeoutAsync(1000);
        }

        await page.WaitForSelectorAsync("#refCanvas[data-image]", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("#thumbs figure[data-reason='interval']", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Equal("Not commissioned: no approved reference yet.", await page.TextContentAsync("#refStatus"));
        Assert.True(await page.IsDisabledAsync("#saveRef"));

        async Task Drag(double x0, double y0, double x1, double y1)
        {
            // Measured at each drag: clicking a button may scroll the page, and the box is relative to the viewport.
            var box = (await page.Locator("#refCanvas").BoundingBoxAsync())!;
            await page.Mouse.MoveAsync((float)(box.X + (x0 * box.Width)), (float)(box.Y + (y0 * box.Height)));
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync((float)(box.X + (x1 * box.Width)), (float)(box.Y + (y1 * box.Height)), new MouseMoveOptions { Steps = 5 });
            await page.Mouse.UpAsync();
        }

        // Selection moves to the next unmarked region after each rectangle: backdrop, desk, seat, background.
        await Drag(0.02, 0.02, 0.98, 0.58);
        await Drag(0.02, 0.62, 0.98, 0.78);
        await Drag(0.35, 0.10, 0.65, 0.55);
        await Drag(0.02, 0.82, 0.98, 0.98);
        foreach (var region in ReferenceRegions.Names)
        {
            Assert.DoesNotContain("not marked", await page.TextContentAsync($"#refRegions li[data-region='{region}']"), StringComparison.Ordinal);
        }


        // Edit: delete the seat and draw it again.
        await page.ClickAsync("#refRegions button[data-delete='seat']");
        Assert.Contains("not marked", await page.TextContentAsync("#refRegions li[data-region='seat']"), StringComparison.Ordinal);
        await page.ClickAsync("#refPick button[data-region='seat']");
        await Drag(0.40, 0.12, 0.60, 0.50);
        Assert.False(await page.IsDisabledAsync("#saveRef"));
        await page.ClickAsync("#saveRef");
        await page.WaitForSelectorAsync("body[data-ref-saved='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        Assert.StartsWith("Reference version 1 by admin", await page.TextContentAsync("#refStatus"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "room-reference.png"), FullPage = true });
        await using var late = await TestMqtt.ConnectAsync(stack.Broker, "liveroom/v1/demo/room-1/cmd/reference");
        var retained = await late.WaitForAsync(m => m.Retain, "the retained approval");
        var approval = JsonSerializer.Deserialize(retained.Payload.Span, VisionJsonContext.Default.ReferenceCommand)!;
        Assert.Equal((ReferenceCommand.Approve, "cap-browser", 1, "admin"), (approval.Action, approval.CaptureId, approval.Version, approval.By));
        Assert.Equal(0.4, approval.Regions!.Seat!.X, 2);
        Assert.Equal(0.2, approval.Regions.Seat.W, 2);
        Assert.Equal(0.58, approval.Regions.Backdrop!.H + approval.Regions.Backdrop.Y, 2);
    }
}
