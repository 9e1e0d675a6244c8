using System.Text.Json;
using LiveRoom.Probe.Audio;
using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Picture;
using LiveRoom.Probe.Stream;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Analysis;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Detection;

/// <summary>
/// The dashboard shows an event's explanation in Chinese through the patterns of wwwroot/event-words.js: every wording
/// the edge's stream and vision checks write, taken from the checks themselves, must have one.
/// </summary>
public sealed class EventMessageWordsTests
{
    [Fact]
    public async Task EveryConditionMessageTheEdgeWrites_ReadsInChinese()
    {
        var messages = StreamMessages().Concat(VisionMessages()).Concat(StopMessages()).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(messages.Count >= 25, $"found only {messages.Count} messages: " + string.Join(" | ", messages));

        var script = $$"""
            import { eventMessage } from "{{DashboardScript.ModuleUrl("event-words.js")}}";
            const input = {{JsonSerializer.Serialize(messages)}};
            process.stdout.write(JSON.stringify(input.map((m) => eventMessage(m, "zh"))));
            """;
        var zh = JsonSerializer.Deserialize<string[]>(await DashboardScript.RunAsync(script))!;

        var untranslated = messages.Where((m, i) => zh[i] == m || !System.Text.RegularExpressions.Regex.IsMatch(zh[i], "\\p{IsCJKUnifiedIdeographs}")).ToList();
        Assert.True(untranslated.Count == 0, "no Chinese in event-words.js for what the edge writes: " + string.Join(" | ", untranslated));
        Assert.Contains("25 fps，低于 29.5", zh);
        Assert.Contains("背景严重偏蓝、偏绿", zh);
        Assert.Contains("ffmpeg 已退出（代码 1）：Connection refused", zh);
    }

    // Why a reader stopped: a stall, ffmpeg's exit with and without its own last words.
    private static IEnumerable<string> StopMessages() =>
        [StreamMonitor.StallReason(TimeSpan.FromSeconds(10)), StreamMonitor.ExitReason(1, "Connection refused"), StreamMonitor.ExitReason(-9, string.Empty)];

    private static IEnumerable<string> StreamMessages()
    {
        var evaluator = new RoomEvaluator(new ExpectedProfile(), new ProbeThresholds(), TimeSpan.FromSeconds(2));
        var stream = new StreamSample
        {
            Up = true, HasVideo = true, HasAudio = true, Width = 1280, Height = 720, Fps = 25, TotalBitsPerSecond = 1_500_000,
            DroppedFrames = 3, TimestampGaps = 1, IrregularIntervals = 4, Intervals = 50, InterFrameBytes = 15_000, KeyframeBytes = 120_000, UptimeSeconds = 60,
        };
        var audio = new AudioSample { Present = true, MomentaryLufs = -70, ShortTermLufs = -70, PeakDbfs = 0, SilentSeconds = 30, Clipping = true };
        var still = new PictureSample { Frames = 30, LumaMean = 110, LumaP98 = 230, ChangedShare = 0, StillSeconds = 20, StillComparisons = 10 };
        var black = new PictureSample { Frames = 30, LumaMean = 2, LumaP98 = 10, ChangedShare = 0, BlackSeconds = 20 };
        return new[]
        {
            evaluator.Evaluate(stream, audio, still),
            evaluator.Evaluate(stream, audio, black),
            evaluator.Evaluate(stream with { TotalBitsPerSecond = 40_000_000, Width = 3840, Height = 2160 }, audio, still),
            evaluator.Evaluate(stream with { HasVideo = false }, audio, still),
            evaluator.Evaluate(stream with { HasAudio = false }, new AudioSample { Present = false }, still),
            evaluator.Evaluate(stream, new AudioSample { Present = false }, still),
        }.SelectMany(list => list).Select(c => c.Message).OfType<string>();
    }

    private static IEnumerable<string> VisionMessages()
    {
        var options = new VisionOptions();
        var lit = new LumaStats(120, 10, 120, 230, 12, 1, 40, 1000);
        var lighting = new LightingResult(lit, lit, lit, lit with { Mean = 60 }, lit, new ColourCast(20, 10, 12, -20));
        var framing = new FramingResult(true, 64, 90, 6, -1, 1.02, 0.9, 80, 95, 10, 0.5);
        var results = new[]
        {
            new VisionResult(true, null, lighting, framing, 1.4),
            new VisionResult(true, null, lighting with { Cast = new ColourCast(0, 0, 0, 0) }, framing with { Matched = false, Similarity = 0.2 }, 0),
            new VisionResult(true, null, lighting with { Cast = new ColourCast(5, 0, -5, 0) }, framing, 0),
            new VisionResult(false, "not commissioned", lighting with { Overall = lit with { StdDev = 1, Mean = 3 } }, null, 0),
        };
        var conditions = new List<Condition>();
        foreach (var r in results)
        {
            VisionConditions.Evaluate(r, options, conditions);
        }

        return conditions.Select(c => c.Message).OfType<string>();
    }
}
