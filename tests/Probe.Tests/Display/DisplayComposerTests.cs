using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Probe.Display;
using static LiveRoom.Probe.Tests.Display.DoorStates;

namespace LiveRoom.Probe.Tests.Display;

public sealed class DisplayComposerTests
{
    [Theory]
    [InlineData(RoomStates.Free, "空闲", "FREE", "475569", false)]
    [InlineData(RoomStates.Booked, "已预约", "BOOKED", "1d4ed8", false)]
    [InlineData(RoomStates.PreShow, "准备中", "PRE-SHOW", "a16207", false)]
    [InlineData(RoomStates.Ready, "就绪", "READY", "15803d", false)]
    [InlineData(RoomStates.NotReady, "未就绪", "NOT READY", "c2410c", false)]
    [InlineData(RoomStates.Live, "直播中", "ON AIR", "c81e1e", true)]
    [InlineData(RoomStates.Fault, "故障", "FAULT", "86198f", true)]
    [InlineData(RoomStates.Ended, "已结束", "ENDED", "57534e", false)]
    [InlineData(RoomStates.Offline, "离线", "OFFLINE", "1f2937", false)]
    public void Compose_EachState_BilingualWordColourAndLamp(string state, string chinese, string english, string colour, bool onAir)
    {
        var display = DisplayComposer.Compose(State(state, Show()), Shanghai, Now);

        Assert.Equal(state, display.State);
        Assert.Equal(chinese, display.Chinese);
        Assert.Equal(english, display.English);
        Assert.Equal(colour, display.Colour);
        Assert.Equal(onAir, display.OnAir);
        Assert.Equal(1, display.V);
        Assert.Equal(Now.ToUnixTimeSeconds(), display.Ts);
    }

    [Fact]
    public void Compose_EveryState_ColoursDistinctAndReadableWithWhiteText()
    {
        var colours = RoomStates.All.Select(s => DisplayComposer.Compose(State(s), Shanghai, Now).Colour).ToList();

        Assert.Equal(colours.Count, colours.Distinct(StringComparer.Ordinal).Count());
        foreach (var colour in colours)
        {
            Assert.Matches("^[0-9a-f]{6}$", colour);
            var contrast = 1.05 / (RelativeLuminance(colour) + 0.05);
            Assert.True(contrast >= 4.5, $"white text on #{colour} has contrast {contrast:0.00}, below WCAG AA 4.5");
        }
    }

    [Fact]
    public void Compose_PreShowWithProgress_EnglishCarriesCount()
    {
        var display = DisplayComposer.Compose(State(RoomStates.PreShow, Show(), checklist: Progress(7, 10)), Shanghai, Now);

        Assert.Equal("准备中", display.Chinese);
        Assert.Equal("PRE-SHOW 7/10", display.English);
    }

    [Fact]
    public void Compose_BeforeShowInShanghai_StartEndInSiteZone()
    {
        var display = DisplayComposer.Compose(State(RoomStates.Booked, Show(), NextShow()), Shanghai, Now);

        Assert.Equal("双十一美妆专场", display.Title);
        Assert.Equal("李佳", display.Host);
        Assert.Equal("14:00–16:00", display.When);
        Assert.Equal("16:30 晚间专场", display.Next);
    }

    [Fact]
    public void Compose_BeforeShowInUtc_StartEndInUtc()
    {
        var display = DisplayComposer.Compose(State(RoomStates.Booked, Show(), NextShow()), TimeZoneInfo.Utc, Now);

        Assert.Equal("06:00–08:00", display.When);
        Assert.Equal("08:30 晚间专场", display.Next);
    }

    [Fact]
    public void Compose_OnAir_SinceInSiteZone()
    {
        var state = State(RoomStates.Live, Show(), since: ShowStart.AddMinutes(2));

        Assert.Equal("开始 since 14:02", DisplayComposer.Compose(state, Shanghai, ShowStart.AddMinutes(30)).When);
        Assert.Equal("开始 since 06:02", DisplayComposer.Compose(state, TimeZoneInfo.Utc, ShowStart.AddMinutes(30)).When);
    }

    [Theory]
    [InlineData("Asia/Shanghai", "开始 since 14:02")]
    [InlineData("UTC", "开始 since 06:02")]
    [InlineData("Mars/Olympus_Mons", "开始 since 06:02")]
    public void Compose_ZoneFromState_UsesItOrUtcWhenUnknown(string zone, string when)
    {
        var state = State(RoomStates.Live, Show(), since: ShowStart.AddMinutes(2)) with { TimeZone = zone };

        Assert.Equal(when, DisplayComposer.Compose(state, ShowStart.AddMinutes(30)).When);
    }

    [Fact]
    public void Compose_ShowOnAnotherLocalDay_DatePrefixed()
    {
        // 17:00 UTC is 01:00 the next day in Shanghai but the same day in UTC.
        var late = NextShow() with { Start = new DateTimeOffset(2026, 11, 22, 17, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() };

        Assert.Equal("11-23 01:00 晚间专场", DisplayComposer.Compose(State(RoomStates.Free, next: late), Shanghai, Now).Next);
        Assert.Equal("17:00 晚间专场", DisplayComposer.Compose(State(RoomStates.Free, next: late), TimeZoneInfo.Utc, Now).Next);
    }

    [Fact]
    public void Compose_NotReadyWithReason_ReasonIsMessage()
    {
        var display = DisplayComposer.Compose(State(RoomStates.NotReady, Show(), reason: "uplink 2.1 Mbit/s", checklist: Progress(9, 10, "uplink: 2.1 Mbit/s")), Shanghai, Now);

        Assert.Equal("上行带宽未通过 uplink 2.1 Mbit/s", display.Message);
    }

    [Fact]
    public void Compose_NotReadyWithoutReason_FirstFailingItemIsMessage()
    {
        var display = DisplayComposer.Compose(State(RoomStates.NotReady, Show(), checklist: Progress(8, 10, "uplink: 2.1 Mbit/s", "audio: silent")), Shanghai, Now);

        Assert.Equal("上行带宽未通过 uplink: 2.1 Mbit/s", display.Message);
    }

    [Fact]
    public void Compose_UnscheduledLive_SaysSo()
    {
        var display = DisplayComposer.Compose(State(RoomStates.Live, unscheduled: true), Shanghai, Now);

        Assert.Equal(DisplayComposer.UnscheduledText, display.Message);
        Assert.Equal(string.Empty, display.Title);
    }

    [Fact]
    public void Compose_FreeWithNothingScheduled_EmptyFieldsSmallMessage()
    {
        var display = DisplayComposer.Compose(State(RoomStates.Free), Shanghai, Now);
        var bytes = DisplayComposer.Serialize(display);

        Assert.Equal((string.Empty, string.Empty, string.Empty, string.Empty, string.Empty), (display.Title, display.Host, display.When, display.Next, display.Message));
        Assert.InRange(bytes.Length, 1, DisplayMessage.MaxBytes);
        Assert.Equal(display, JsonSerializer.Deserialize(bytes, ContractsJsonContext.Default.DisplayMessage));
    }

    [Fact]
    public void Compose_UnknownState_ShownUpperCaseOnOfflineColour()
    {
        var display = DisplayComposer.Compose(State("maintenance"), Shanghai, Now);

        Assert.Equal(("未知", "MAINTENANCE", "1f2937", false), (display.Chinese, display.English, display.Colour, display.OnAir));
    }

    [Fact]
    public void Compose_ControlCharacters_StrippedWhiteSpaceCollapsed()
    {
        var display = DisplayComposer.Compose(State(RoomStates.Booked, Show("\u0000新品\u0007发布\u202E会\r\n\t 第二场 ", "\u200B 王\u0085五\u001B")), Shanghai, Now);

        Assert.Equal("新品发布会 第二场", display.Title);
        Assert.Equal("\u200B 王 五", display.Host);
    }

    [Fact]
    public void Compose_LongChineseTitle_CutWithEllipsisUnder512Bytes()
    {
        var title = string.Concat(Enumerable.Repeat("超长标题春季新品发布会", 40));
        var display = DisplayComposer.Compose(State(RoomStates.NotReady, Show(title, "主播小王"), NextShow(), reason: "uplink 2.1 Mbit/s"), Shanghai, Now);
        var bytes = DisplayComposer.Serialize(display);

        Assert.InRange(bytes.Length, 400, DisplayMessage.MaxBytes);
        Assert.EndsWith("…", display.Title, StringComparison.Ordinal);
        Assert.StartsWith(display.Title[..^1], title, StringComparison.Ordinal);
        // The short fields stay whole: only the long one is cut.
        Assert.Equal(("主播小王", "14:00–16:00", "16:30 晚间专场", "上行带宽未通过 uplink 2.1 Mbit/s"), (display.Host, display.When, display.Next, display.Message));
    }

    [Fact]
    public void Compose_SeveralLongFields_AllCutAndMessageFits()
    {
        var emoji = string.Concat(Enumerable.Repeat("👨‍👩‍👧🇨🇳👍🏽", 60));
        var display = DisplayComposer.Compose(State(RoomStates.Fault, Show(emoji, emoji), NextShow(emoji), reason: emoji), Shanghai, Now);

        Assert.InRange(DisplayComposer.Serialize(display).Length, 1, DisplayMessage.MaxBytes);
        foreach (var field in new[] { display.Title, display.Host, display.Message })
        {
            Assert.EndsWith("…", field, StringComparison.Ordinal);
            Assert.True(TextElements.IsPrefix(field[..^1], emoji), $"'{field}' is not cut on a text-element boundary of the original");
        }
    }

    private static double RelativeLuminance(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(hex, 0)) + (0.7152 * Channel(hex, 2)) + (0.0722 * Channel(hex, 4));
    }
}
