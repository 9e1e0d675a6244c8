using System.Text.Json;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Alerts.Store;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Rules;

/// <summary>
/// The dashboard's alerts page says what each rule fires on in the reader's words (wwwroot/rule-words.js), from the
/// rules as the collector's admin API writes them: "frame rate &lt; 29.5 fps" and "10 s", not "stream fps &lt;" and
/// "00:00:10".
/// </summary>
public sealed class RuleWordsTests
{
    private static readonly string Module = DashboardScript.ModuleUrl("rule-words.js");

    // Every shipped rule's condition and "for" in both languages, from one run of node.
    private static readonly Lazy<Task<Dictionary<string, string[]>>> Shipped = new(async () => JsonSerializer.Deserialize<Dictionary<string, string[]>>(await DashboardScript.RunAsync($$"""
        import { ruleCondition, forText } from "{{Module}}";
        const rules = {{JsonSerializer.Serialize(DefaultRules.All, AlertStore.Json)}};
        process.stdout.write(JSON.stringify(Object.fromEntries(rules.map((r) => [r.id, [ruleCondition(r, "en"), ruleCondition(r, "zh"), forText(r.for, "en"), forText(r.for, "zh")]]))));
        """))!);

    public static TheoryData<string> ShippedIds() => [.. DefaultRules.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public async Task EveryShippedRule_ReadsInWordsInBothLanguages(string id)
    {
        var words = (await Shipped.Value)[id];
        var rule = DefaultRules.All.Single(r => r.Id == id);

        // No field name, operator or TimeSpan as the collector writes them.
        foreach (var text in words)
        {
            Assert.DoesNotContain("_", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d\d:\d\d:\d\d", text);
            Assert.DoesNotContain(" is true", text, StringComparison.Ordinal);
            Assert.DoesNotContain(" is false", text, StringComparison.Ordinal);
        }

        Assert.Matches("^[a-z]", words[0]);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", words[1]);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", words[3]);
        if (rule.Operator is RuleOperator.Below or RuleOperator.Above)
        {
            Assert.Contains(rule.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture), words[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("fps_low", "frame rate < 29.5 fps", "帧率 < 29.5 fps", "10 s", "10 秒")]
    [InlineData("uplink_low", "uplink < 4 Mbit/s", "上行带宽 < 4 Mbit/s", "30 s", "30 秒")]
    [InlineData("audio_silent", "silence > 10 s", "静音时长 > 10 秒", "at once", "立即")]
    [InlineData("stream_down", "stream not running", "未推流", "5 s", "5 秒")]
    [InlineData("picture_frozen", "picture frozen", "画面冻结", "5 s", "5 秒")]
    [InlineData("checklist_not_ready", "checklist not passed at T-10 min", "T-10 时检查清单未通过", "at once", "立即")]
    [InlineData("camera_blocked", "edge reports “Camera blocked or covered”", "边缘端上报“摄像头被遮挡”", "at once", "立即")]
    [InlineData("edge_offline", "edge offline", "边缘端离线", "30 s", "30 秒")]
    [InlineData("data_gap", "no stream metrics for 30 s", "30 秒无推流指标", "at once", "立即")]
    public async Task ShippedRules_ReadAsATechnicianWouldSayThem(string id, string en, string zh, string forEn, string forZh)
    {
        var words = (await Shipped.Value)[id];

        Assert.Equal([en, zh, forEn, forZh], words);
    }

    [Fact]
    public async Task ASitesOwnRule_OnAFieldWithoutAName_ShowsTheFieldAsWritten()
    {
        var text = await DashboardScript.RunAsync($$"""
            import { ruleCondition, forText } from "{{Module}}";
            const own = { kind: "host", field: "gpu_temp_c", operator: "above", threshold: 85 };
            const flag = { kind: "host", field: "fan_failed", operator: "isTrue" };
            process.stdout.write([ruleCondition(own, "zh"), ruleCondition(flag, "en"), forText("1.02:00:00", "en"), forText("00:02:30", "zh"), forText("soon", "en")].join("|"));
            """);

        Assert.Equal("host.gpu_temp_c > 85|host.fan_failed is true|26 h 0 min|3 分钟|soon", text);
    }
}
