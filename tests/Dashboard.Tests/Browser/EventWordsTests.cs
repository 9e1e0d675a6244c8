using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Browser;

/// <summary>
/// The pages name the edge's events (wwwroot/event-words.js) instead of showing their ids: every id the edge can
/// store has a name in both languages, and a condition reads as started or ended with how long it lasted.
/// </summary>
public sealed class EventWordsTests
{
    private static readonly string Module = DashboardScript.ModuleUrl("event-words.js");

    // Every id's English and Chinese name, from one run of node for the whole theory.
    private static readonly Lazy<Task<Dictionary<string, string[]>>> AllNames = new(() => DashboardScript.RunJsonAsync<Dictionary<string, string[]>>($$"""
        import { eventName } from "{{Module}}";
        const ids = {{JsonSerializer.Serialize(AllIds())}};
        process.stdout.write(JSON.stringify(Object.fromEntries(ids.map((id) => [id, [eventName(id, "en"), eventName(id, "zh")]]))));
        """));

    public static TheoryData<string> EdgeIds() => new(AllIds());

    private static List<string> AllIds() => StringConstants.Of(typeof(EventTypes), typeof(VisionEventTypes), typeof(ThumbnailReasons));

    [Fact]
    public void EdgeIds_FoundInTheContracts()
    {
        // The theory below must not pass by finding nothing.
        Assert.True(EdgeIds().Count >= 29, $"found {EdgeIds().Count} event ids and thumbnail reasons");
    }

    [Theory]
    [MemberData(nameof(EdgeIds))]
    public async Task EveryEventIdTheEdgeStores_HasANameInEnglishAndChinese(string id)
    {
        var names = (await AllNames.Value)[id];

        Assert.NotEqual(id, names[0]);
        Assert.Matches("^[A-Z][a-z]", names[0]);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", names[1]);
    }

    [Theory]
    [InlineData("""{"type":"frozen","active":true,"message":"picture unchanged for 12 s"}""", "en", "Picture frozen started: picture unchanged for 12 s")]
    [InlineData("""{"type":"frozen","active":true}""", "zh", "画面冻结开始")]
    [InlineData("""{"type":"frozen","active":false,"durationSeconds":12.4}""", "en", "Picture frozen ended after 12 s")]
    [InlineData("""{"type":"frozen","active":false,"durationSeconds":12.4}""", "zh", "画面冻结结束，持续 12 秒")]
    [InlineData("""{"type":"too_dark","active":false,"durationSeconds":754}""", "en", "Picture too dark ended after 13 min")]
    [InlineData("""{"type":"silence","active":false,"durationSeconds":7530}""", "zh", "音频无声结束，持续 2 小时 6 分钟")]
    [InlineData("""{"type":"black","active":false}""", "en", "Picture black ended")]
    [InlineData("""{"type":"black","active":false,"durationSeconds":10790}""", "en", "Picture black ended after 3 h 0 min")]
    [InlineData("""{"type":"stream_started"}""", "zh", "推流开始")]
    [InlineData("""{"type":"stream_stopped","message":"end of stream"}""", "en", "Stream stopped: end of stream")]
    [InlineData("""{"type":"freeze","message":"<b>x</b>"}""", "zh", "freeze：<b>x</b>")]
    [InlineData("""{"type":"below_frame_rate","active":true,"message":"25 fps is below 29.5"}""", "zh", "帧率低于标准开始：25 fps，低于 29.5")]
    [InlineData("""{"type":"below_frame_rate","active":true,"message":"25 fps is below 29.5"}""", "en", "Frame rate below standard started: 25 fps is below 29.5")]
    public async Task AnEvent_ReadsAsNameStateAndTheEdgesExplanation(string eventJson, string lang, string expected)
    {
        var text = await DashboardScript.RunJsonAsync<string>($$"""
            import { eventText } from "{{Module}}";
            process.stdout.write(JSON.stringify(eventText({{eventJson}}, {{Js(lang)}})));
            """);

        Assert.Equal(expected, text);
    }

    private static string Js(string text) => JsonSerializer.Serialize(text);
}
