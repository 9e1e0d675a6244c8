using System.Diagnostics;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Alert.Bench;

/// <summary>
/// What rule evaluation adds to the collector's hot path: the shipped rules over healthy points (the steady state:
/// no condition changes) of 100 rooms, single-threaded, after a warm-up. Reported per point, time and allocation.
/// </summary>
internal static class EvaluatorCost
{
    public static (double NsPerPoint, double BytesPerPoint) Measure()
    {
        var evaluator = new RuleEvaluator(DefaultRules.All, new NullSink(), TimeProvider.System);
        var batches = new List<MetricBatch>();
        long seq = 0;
        for (var room = 0; room < 100; room++)
        {
            for (var second = 0; second < 10; second++)
            {
                var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (second * 1000);
                batches.Add(new MetricBatch
                {
                    V = SchemaVersion.Current, Site = "s1", Room = "r" + room.ToString(System.Globalization.CultureInfo.InvariantCulture), Edge = "e", Floor = 1,
                    Points =
                    [
                        Point(++seq, ts, MetricKind.Stream, ("width", 1920.0), ("height", 1080.0), ("fps", 30.0), ("bitrate_bps", 6e6), ("up", true), ("video_codec", "h264"), ("uptime_s", 100.0), ("dropped_frames", 0.0)),
                        Point(++seq, ts, MetricKind.Audio, ("present", true), ("momentary_lufs", -23.0), ("short_term_lufs", -23.0), ("silent_s", 0.0), ("clipping", false)),
                        Point(++seq, ts, MetricKind.Vision, ("luma_mean", 110.0), ("black", false), ("frozen", false), ("changed_blocks", 0.3)),
                        Point(++seq, ts, MetricKind.Network, ("uplink_mbps", 20.0), ("rtt_ms", 12.0)),
                    ],
                });
            }
        }

        var points = batches.Sum(b => b.Points.Count);
        // Warm up for a second so tiered compilation has promoted the hot path (as in a long-running collector).
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1))
        {
            Run(evaluator, batches);
        }

        const int Passes = 500;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Passes; i++)
        {
            Run(evaluator, batches);
        }

        clock.Stop();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        return (clock.Elapsed.TotalNanoseconds / (Passes * (double)points), bytes / (Passes * (double)points));
    }

    private static void Run(RuleEvaluator evaluator, List<MetricBatch> batches)
    {
        foreach (var batch in batches)
        {
            evaluator.OnBatch(batch);
        }
    }

    private static MetricPoint Point(long seq, long ts, string kind, params (string Key, FieldValue Value)[] fields) =>
        new() { Seq = seq, Ts = ts, Kind = kind, Fields = fields.ToDictionary(f => f.Key, f => f.Value) };

    private sealed class NullSink : IConditionSink
    {
        public void Post(in ConditionChange change)
        {
        }
    }
}
