using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Notifying;

/// <summary>
/// docs/operations/webhook.md is what a studio's developer builds a receiver from: its example must be what the collector
/// sends (the same fields, nested the same way), and its lists of kinds, severities and states the ones there are.
/// </summary>
public sealed partial class WebhookDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "operations", "webhook.md"));

    public static AlertNotice Example()
    {
        var since = new DateTimeOffset(2026, 11, 24, 12, 2, 10, TimeSpan.Zero);
        var alert = new AlertSnapshot(
            "6739b7a9c4cf8aac", "fps_low", "Frame rate below 30 fps", AlertSeverity.Warning, "sh", "room-2", AlertState.Firing, 24.5, RuleOperator.Below, 29.5,
            since, since.AddSeconds(10), null, null, null, null, 0, "晚间专场 Evening deals", "Asia/Shanghai");
        return new AlertNotice(
            NoticeKind.Firing,
            "sh",
            [alert],
            [new RotaEntry { Site = "sh", Level = 0, Name = "Wang", Mobile = "13800000001" }],
            new Dictionary<string, string> { [alert.Id] = "https://alerts.example.com/alerts/6739b7a9c4cf8aac.1795646847.fBwzKBaKVwXWpwmG" },
            "firing-6739b7a9c4cf8aac-1",
            since.AddSeconds(40));
    }

    [Fact]
    public void Example_HasTheFieldsTheCollectorSends_NestedTheSameWay()
    {
        var documented = JsonNode.Parse(JsonBlocks().First())!;
        var sent = WebhookSender.Json(Example());

        Assert.Equal(Paths(sent), Paths(documented));
        Assert.Equal(sent.ToJsonString(), documented.ToJsonString());
    }

    [Fact]
    public void TestNoticeExample_HasTheFieldsTheCollectorSends()
    {
        var documented = JsonNode.Parse(JsonBlocks().Skip(1).First())!;
        var test = Example() with { Kind = NoticeKind.Test, Alerts = [], Links = new Dictionary<string, string>(), IdempotencyKey = "test-sh-1795521770000", SentBy = "lin" };

        Assert.Equal(WebhookSender.Json(test).ToJsonString(), documented.ToJsonString());
    }

    [Fact]
    public void Lists_KindsSeveritiesAndStates_AreTheOnesThereAre()
    {
        Assert.Equal(Enum.GetNames<NoticeKind>().Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal), Listed("kind"));
        Assert.Equal(Enum.GetNames<AlertSeverity>().Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal), Listed("severity"));
        Assert.Equal(Enum.GetNames<AlertState>().Where(n => n != nameof(AlertState.Pending)).Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal), Listed("state"));
    }

    private static IEnumerable<string> JsonBlocks() => JsonBlock().Matches(Doc).Select(m => m.Groups[1].Value);

    /// <summary>The values a table row lists for a field: "| `kind` | … `firing`, `reminder` … |".</summary>
    private static IReadOnlyList<string> Listed(string field)
    {
        var row = Doc.Split('\n').First(l => l.StartsWith($"| `{field}` |", StringComparison.Ordinal));
        var values = row.Split('|')[2];
        return [.. Code().Matches(values).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];
    }

    private static List<string> Paths(JsonNode node, string prefix = "$")
    {
        var paths = new List<string> { prefix };
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    paths.AddRange(value is null ? [$"{prefix}.{key}"] : Paths(value, $"{prefix}.{key}"));
                }

                break;
            case JsonArray a when a.Count > 0 && a[0] is { } first:
                paths.AddRange(Paths(first, prefix + "[]"));
                break;
        }

        return paths;
    }

    [GeneratedRegex("```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex("`([a-z]+)`")]
    private static partial Regex Code();
}
