using System.Text.Json;
using System.Text.RegularExpressions;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Probe.Vision;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.Lifecycle.LifecycleRig;

namespace LiveRoom.Probe.Tests.Lifecycle;

/// <summary>
/// The dashboard shows the checklist in Chinese through the patterns of <c>wwwroot/checklist-words.js</c>, which must
/// match what the edge writes. Here the edge's own checklist, in states from "no stream yet" to a full measured run,
/// goes through that file under node: every item name, status, value and threshold the edge wrote must come out in
/// Chinese (only numbers with units may stay as they are), so rewording an edge text without its pattern fails here.
/// </summary>
public sealed partial class ChecklistWordsTests : IDisposable
{
    private static readonly ManualItem[] Manual = [new() { Id = "mic", Text = "Microphone battery" }];
    private readonly TempDirectory _dir = new("checklist-words");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EveryTextTheEdgeWrites_ReadsInChineseOnTheDashboard()
    {
        var points = new List<MetricPoint>();
        points.AddRange(await RunAsync("measured", rig =>
        {
            rig.HostAndNetwork(diskGiB: 3, clockMs: 2400);
            rig.StreamSecond();
            rig.Tee.Append(Vision(rig, new() { [VisionFields.Commissioned] = true, [VisionFields.FramingMatched] = true, [VisionFields.Similarity] = 0.93, [VisionFields.LumaMean] = 121.0 }));
        }, uplinkMbps: 12.5));
        points.AddRange(await RunAsync("failing", rig =>
        {
            rig.HostAndNetwork(rttMs: 80, loss: 100);
            rig.StreamSecond();
            rig.Tee.Append(Vision(rig, new() { [VisionFields.Commissioned] = true, [VisionFields.FramingMatched] = false, [VisionFields.Similarity] = 0.41, [VisionFields.LumaMean] = 60.0 }));
        }, uplinkError: "connection refused"));
        points.AddRange(await RunAsync("not commissioned", rig =>
        {
            rig.HostAndNetwork(rttMs: 30);
            rig.StreamSecond();
            rig.Tee.Append(Vision(rig, new() { [VisionFields.Commissioned] = false, [VisionFields.ReferenceProblem] = "not commissioned: no reference frame", [VisionFields.LumaMean] = 120.0 }));
        }));
        points.AddRange(await RunAsync("just up", rig => rig.StreamUpUnmeasured(2)));
        points.AddRange(await RunAsync("up, nothing measured", rig => rig.StreamUpUnmeasured(60)));
        points.AddRange(await RunAsync("no stream", rig => rig.StreamSecond(up: false)));
        points.AddRange(await RunAsync("no uplink url", _ => { }, uplinkConfigured: false));

        var items = points.Where(p => p.Tags![ChecklistFields.ItemTag] != ChecklistFields.RunItem).ToList();
        var automatic = items.Where(p => ChecklistItems.Order.Contains(p.Tags![ChecklistFields.ItemTag])).ToList();
        var texts = automatic.SelectMany(p => new[] { Text(p, ChecklistFields.Value), Text(p, ChecklistFields.Threshold) })
            .Append(Text(items.First(p => p.Tags![ChecklistFields.ItemTag] == "mic"), ChecklistFields.Threshold))
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var statuses = points.Select(p => Text(p, ChecklistFields.Status)).Distinct(StringComparer.Ordinal).ToList();
        var names = automatic.Select(p => p.Tags![ChecklistFields.ItemTag]).Distinct(StringComparer.Ordinal).ToList();

        // Every automatic item, and the ways an item reads while it cannot be measured, are among what was written.
        Assert.Equal(ChecklistItems.Order.Where(i => i != ChecklistItems.Obs).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Contains("no stream yet", texts);
        Assert.Contains("test failed: connection refused", texts);
        Assert.Contains("measuring (stream up 2 s)", texts);
        Assert.Contains("no loudness measured", texts);
        Assert.Superset(new HashSet<string> { ItemStatus.Pass, ItemStatus.Warn, ItemStatus.Fail, ItemStatus.Pending, ItemStatus.Open, ItemStatus.Running }, statuses.ToHashSet());

        var zh = await TranslateAsync(names, statuses, texts);

        var untranslated = names.Where(n => zh.Names[n] == n)
            .Concat(statuses.Where(s => zh.Statuses[s] == s))
            .Concat(texts.Where(t => zh.Texts[t] == t && !NumberWithUnit().IsMatch(t)))
            .ToList();
        Assert.True(untranslated.Count == 0, "no Chinese in checklist-words.js for what the edge writes: " + string.Join(" | ", untranslated));
        Assert.Equal("测速失败：connection refused", zh.Texts["test failed: connection refused"]);
        Assert.Equal("未完成调试：尚无参考画面", zh.Texts["not commissioned: no reference frame"]);
        Assert.Equal("测量中（已推流 2 秒）", zh.Texts["measuring (stream up 2 s)"]);
    }

    // The run starts (and tests the uplink) when the schedule arrives, 20 min before the show; then the room is measured.
    private async Task<IReadOnlyList<MetricPoint>> RunAsync(string name, Action<LifecycleRig> measure, bool uplinkConfigured = true, double? uplinkMbps = 8, string? uplinkError = null)
    {
        var time = new FakeTimeProvider(T0);
        await using var rig = new LifecycleRig(Path.Combine(_dir.Path, name), time, uplinkConfigured: uplinkConfigured);
        rig.Lifecycle.Start();
        rig.Uplink(uplinkError is null ? uplinkMbps : null, uplinkError);
        rig.Apply(Schedule(1, Manual, Show("show-1", TimeSpan.FromMinutes(20), TimeSpan.FromHours(1))));
        measure(rig);
        rig.Step();
        rig.Step();
        return rig.Checklist;
    }

    private static MetricPoint Vision(LifecycleRig rig, Dictionary<string, FieldValue> fields) =>
        new() { Seq = 0, Ts = rig.Time.GetUtcNow().ToUnixTimeMilliseconds(), Kind = MetricKind.Vision, Fields = fields };

    private static string Text(MetricPoint p, string field) => p.Fields.TryGetValue(field, out var v) ? v.Text ?? string.Empty : string.Empty;

    private sealed record Translated(Dictionary<string, string> Names, Dictionary<string, string> Statuses, Dictionary<string, string> Texts);

    // Runs the dashboard's own checklist-words.js under node (installed by make, for the dashboard's npm packages).
    private async Task<Translated> TranslateAsync(List<string> names, List<string> statuses, List<string> texts)
    {
        var input = _dir.Combine("input.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new { names, statuses, texts }));
        var module = DashboardScript.ModuleUrl("checklist-words.js");
        var script = $$"""
            import { readFileSync } from "node:fs";
            import { itemName, itemStatus, itemText } from "{{module}}";
            const input = JSON.parse(readFileSync({{JsonSerializer.Serialize(input)}}, "utf8"));
            const map = (list, f) => Object.fromEntries(list.map((x) => [x, f(x, "zh")]));
            process.stdout.write(JSON.stringify({ names: map(input.names, itemName), statuses: map(input.statuses, itemStatus), texts: map(input.texts, itemText) }));
            """;
        var stdout = await DashboardScript.RunAsync(script);
        return JsonSerializer.Deserialize<Translated>(stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    // "12.5 Mbit/s", "1920x1080", "≥ 4 Mbit/s", "4–20 Mbit/s", "+2400 ms", "-20 LUFS", "29.97 fps": the same in both languages.
    [GeneratedRegex(@"^[≥≤+\-]?\s?[\d.]+([x–][\d.]+)?( (fps|Mbit/s|ms|LUFS|GiB|%))?$")]
    private static partial Regex NumberWithUnit();
}
