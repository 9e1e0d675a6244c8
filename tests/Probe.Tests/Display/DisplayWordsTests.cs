using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Display;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Display;

/// <summary>
/// The door sign's reason line puts Chinese before the edge's English, with the names the dashboard uses for the same
/// items and conditions.
/// </summary>
public sealed class DisplayWordsTests
{
    [Theory]
    [InlineData(RoomReasons.NoStream, "已到开播时间，无推流 show started, no stream")]
    [InlineData(RoomReasons.StreamLost, "直播中推流中断 stream lost during the show")]
    [InlineData("uplink 2.1 Mbit/s, needs ≥ 5 Mbit/s (stream + 25 %) (+1 more)", "上行带宽未通过 uplink 2.1 Mbit/s, needs ≥ 5 Mbit/s (stream + 25 %) (+1 more)")]
    [InlineData("frame_rate: 25 fps", "帧率未通过 frame_rate: 25 fps")]
    [InlineData("frozen: picture unchanged for 12 s", "画面冻结 frozen: picture unchanged for 12 s")]
    [InlineData("no_video", "无视频轨 no_video")]
    [InlineData("not confirmed: mic, lights", "待确认 not confirmed: mic, lights")]
    [InlineData("mic: not confirmed", "mic: not confirmed")]
    [InlineData("uplinks are down", "uplinks are down")]
    [InlineData("", "")]
    public void Bilingual_KnownReasonGetsItsChineseFirst_UnknownAsWritten(string reason, string expected)
    {
        Assert.Equal(expected, DisplayWords.Bilingual(reason));
    }

    [Fact]
    public async Task Bilingual_TheWallSaysItAsTheSignDoes()
    {
        // The dashboard's wall shows a room's reason beside the same bilingual state word (event-words.js reasonText).
        string[] reasons =
        [
            RoomReasons.NoStream, RoomReasons.StreamLost, "uplink 2.1 Mbit/s, needs ≥ 5 Mbit/s (stream + 25 %)", "frame_rate: 25 fps",
            "ingest_rtt 420 ms, needs ≤ 150 ms", "frozen: picture unchanged for 12 s", "below_frame_rate: 25 fps is below 29.97",
            "no_video", "too_dark: mean luma 31", "not confirmed: mic, lights", "mic: not confirmed", "uplinks are down", "interval",
        ];
        var script = $$"""
            import { reasonText } from "{{DashboardScript.ModuleUrl("event-words.js")}}";
            process.stdout.write(JSON.stringify({{JsonSerializer.Serialize(reasons)}}.map(reasonText)));
            """;

        var wall = JsonSerializer.Deserialize<string[]>(await DashboardScript.RunAsync(script))!;

        Assert.Equal(reasons.Select(DisplayWords.Bilingual), wall);
    }

    [Fact]
    public void Bilingual_EveryLifecycleChecklistItemAndCriticalCondition_HasAName()
    {
        var items = StringConstants.Of(typeof(ChecklistItems));
        Assert.True(items.Count >= 13, $"found {items.Count} checklist items");
        Assert.DoesNotContain(items, i => !DisplayWords.Items.ContainsKey(i));
        Assert.DoesNotContain(CriticalEvents.Types, t => !DisplayWords.Events.ContainsKey(t));
        var events = StringConstants.Of(typeof(EventTypes), typeof(VisionEventTypes));
        Assert.Equal(events.Order(StringComparer.Ordinal), DisplayWords.Events.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Names_AreTheDashboardsNames()
    {
        // The sign and the dashboard name an item or a condition the same way: checklist-words.js and event-words.js.
        var script = $$"""
            import { itemName } from "{{DashboardScript.ModuleUrl("checklist-words.js")}}";
            import { eventName } from "{{DashboardScript.ModuleUrl("event-words.js")}}";
            const items = {{JsonSerializer.Serialize(DisplayWords.Items.Keys)}};
            const events = {{JsonSerializer.Serialize(DisplayWords.Events.Keys)}};
            const map = (list, f) => Object.fromEntries(list.map((x) => [x, f(x, "zh")]));
            process.stdout.write(JSON.stringify({ items: map(items, itemName), events: map(events, eventName) }));
            """;
        var names = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(await DashboardScript.RunAsync(script))!;

        Assert.Equal(DisplayWords.Items.OrderBy(p => p.Key, StringComparer.Ordinal), names["items"].OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(DisplayWords.Events.OrderBy(p => p.Key, StringComparer.Ordinal), names["events"].OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
