using System.Globalization;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static LiveRoom.Probe.Tests.Display.DoorStates;

namespace LiveRoom.Probe.Tests.Display;

/// <summary>
/// Issue 6 "Done when": Debian's chromium opens the door page of a real server, the lifecycle walks the room through
/// its states, and in each the page shows the right words (checked in the DOM) and is screenshotted to
/// var/screenshots/door/. Also: a technician confirms an item, and the page survives the server going away.
/// </summary>
[Trait("Category", "Browser")]
[FailOnUnobservedTaskException]
public sealed class DoorDisplayBrowserTests(DoorBrowserFixture chromium, ITestOutputHelper output) : IClassFixture<DoorBrowserFixture>
{
    private const float Timeout = 10_000;

    // state code, Chinese word, English word, a line that must be on screen too
    private static readonly (string Code, string Zh, string En, string Line)[] Walk =
    [
        ("free", "空闲", "FREE", "16:30 晚间专场"),
        ("booked", "已预约", "BOOKED", "14:00–16:00"),
        ("pre-show", "准备中", "PRE-SHOW 3/10", "双十一美妆专场"),
        ("not-ready", "未就绪", "NOT READY", "上行带宽未通过 uplink 2.1 Mbit/s"),
        ("ready", "就绪", "READY", "主播 Host: 李佳"),
        ("live", "直播中", "ON AIR", "开始 since 14:02"),
        ("fault", "故障", "FAULT", "帧率低于标准 below_frame_rate: 25 fps is below 29.97"),
    ];

    [Fact]
    public async Task DoorPage_WalkThroughStates_ShowsEachAndScreenshots()
    {
        await using var door = await DoorServerHarness.StartAsync(State(RoomStates.Free, next: NextShow()));
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text + " " + m.Location);
            }
        };
        await page.GotoAsync(door.Server.Address!.ToString());

        foreach (var (code, zh, en, line) in Walk)
        {
            if (code == "live")
            {
                door.Time.SetUtcNow(ShowStart.AddMinutes(30)); // 14:30 in Shanghai: on air since 14:02
            }

            door.Lifecycle.Publish(StateFor(code));
            await page.WaitForSelectorAsync($"body[data-state='{code}'][data-online='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

            Assert.Equal(zh, await page.TextContentAsync("#zh"));
            Assert.Equal(en, await page.TextContentAsync("#en"));
            Assert.Contains(line, await page.InnerTextAsync("body"), StringComparison.Ordinal);
            var colour = DisplayComposerColour(code);
            Assert.Equal(colour, await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
            var shot = Path.Combine(DoorBrowserFixture.ScreenshotDirectory, $"door-{code}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
            output.WriteLine($"{code}: {shot}");
            if (code == "booked")
            {
                Assert.Matches("^开播倒计时 starts in 00:(30:00|29:[0-5][0-9])$", await page.TextContentAsync("#clock") ?? string.Empty);
            }
            else if (code == "live")
            {
                Assert.StartsWith("00:28:", await page.TextContentAsync("#clock"), StringComparison.Ordinal);
            }
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task DoorPage_TechnicianConfirmsItem_LifecycleGetsNameAndPageShowsTick()
    {
        await using var door = await DoorServerHarness.StartAsync(StateFor("pre-show"));
        door.Lifecycle.SetManualItems(new ManualItemStatus("backdrop", "背景墙干净 backdrop clean", false, null, null), new ManualItemStatus("mic", "麦克风电池 mic battery", false, null, null));
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(door.Server.Address!.ToString());
        await page.WaitForSelectorAsync("li[data-item='mic'] button.confirm", new PageWaitForSelectorOptions { Timeout = Timeout });

        await page.ClickAsync("li[data-item='mic'] button.confirm");
        Assert.Contains("姓名", await page.TextContentAsync("#result"), StringComparison.Ordinal);
        Assert.Empty(door.Lifecycle.Confirmations);

        await page.FillAsync("#by", "张工");
        await page.ClickAsync("li[data-item='mic'] button.confirm");
        await page.WaitForSelectorAsync("li[data-item='mic'].done", new PageWaitForSelectorOptions { Timeout = Timeout });

        Assert.Equal([("mic", "张工")], door.Lifecycle.Confirmations);
        Assert.Equal("✓ 张工", await page.TextContentAsync("li[data-item='mic'] .by"));
        Assert.Equal(1, await page.Locator("li[data-item='backdrop'] button.confirm").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DoorBrowserFixture.ScreenshotDirectory, "door-confirm.png") });
    }

    [Fact]
    public async Task DoorPage_MarkupInTitleAndItem_ShownAsTextNeverRun()
    {
        const string Markup = "<img src=x onerror=window.__xss=1>";
        await using var door = await DoorServerHarness.StartAsync(State(RoomStates.NotReady, Show(Markup, "<b>host</b>"), reason: "<script>window.__xss=2</script>"));
        door.Lifecycle.SetManualItems(new ManualItemStatus("x", Markup, false, null, null));
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(door.Server.Address!.ToString());
        await page.WaitForSelectorAsync("body[data-state='not-ready']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        Assert.Equal(Markup, await page.TextContentAsync("#title"));
        Assert.Equal("主播 Host: <b>host</b>", await page.TextContentAsync("#host"));
        Assert.Equal("<script>window.__xss=2</script>", await page.TextContentAsync("#message"));
        Assert.Equal(Markup, await page.TextContentAsync("li[data-item='x'] span"));
        Assert.Equal(0, await page.Locator("main img, main b, main script, #manual img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("window.__xss ?? null"));
    }

    [Fact]
    public async Task DoorPage_ServerGoneAndBack_BadgeThenResync()
    {
        var door = await DoorServerHarness.StartAsync(StateFor("ready"));
        var port = door.Server.Address!.Port;
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(door.Server.Address!.ToString());
        await page.WaitForSelectorAsync("body[data-state='ready'][data-online='1']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });

        await door.DisposeAsync();
        await page.WaitForSelectorAsync("body[data-online='0']", new PageWaitForSelectorOptions { Timeout = Timeout, State = WaitForSelectorState.Attached });
        Assert.True(await page.IsVisibleAsync("#badge"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DoorBrowserFixture.ScreenshotDirectory, "door-reconnecting.png") });

        // The edge comes back (same port) and the room went on air meanwhile: the page catches up by itself.
        await using var again = await DoorServerHarness.StartAsync(StateFor("live"), string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        await page.WaitForSelectorAsync("body[data-state='live'][data-online='1']", new PageWaitForSelectorOptions { Timeout = 15_000, State = WaitForSelectorState.Attached });

        Assert.Equal("ON AIR", await page.TextContentAsync("#en"));
        Assert.False(await page.IsVisibleAsync("#badge"));
    }

    private static RoomStateMessage StateFor(string code) => code switch
    {
        "free" => State(RoomStates.Free, next: NextShow()),
        "booked" => State(RoomStates.Booked, Show(), NextShow()),
        "pre-show" => State(RoomStates.PreShow, Show(), NextShow(), checklist: Progress(3, 10)),
        "not-ready" => State(RoomStates.NotReady, Show(), NextShow(), "uplink 2.1 Mbit/s", Progress(9, 10, "uplink: 2.1 Mbit/s")),
        "ready" => State(RoomStates.Ready, Show(), NextShow(), checklist: Progress(10, 10)),
        "live" => State(RoomStates.Live, Show(), NextShow(), since: ShowStart.AddMinutes(2)),
        "fault" => State(RoomStates.Fault, Show(), NextShow(), "below_frame_rate: 25 fps is below 29.97", since: ShowStart.AddMinutes(25)),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "no such test state"),
    };

    private static string DisplayComposerColour(string code)
    {
        var hex = Probe.Display.DisplayComposer.Compose(StateFor(code), Shanghai, Now).Colour;
        int Channel(int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"rgb({Channel(0)}, {Channel(2)}, {Channel(4)})");
    }
}
