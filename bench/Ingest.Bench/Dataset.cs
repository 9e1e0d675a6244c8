using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;

namespace LiveRoom.Ingest.Bench;

/// <summary>
/// Messages shaped as real edges send them: live, one message per edge per second carrying that second's
/// points (stream, audio, vision, network, host); after an outage, replay batches of a few hundred points
/// (bounded below 64 KiB). Built before timing starts.
/// </summary>
internal sealed record Dataset(string Site, IReadOnlyList<EdgeData> Edges, long TotalPoints)
{
    private static readonly string[] Kinds = [MetricKind.Stream, MetricKind.Audio, MetricKind.Vision, MetricKind.Network, MetricKind.Host];

    /// <remarks>liveSeconds: seconds of points per live message; 1 is the shape (a bench variant may batch more).</remarks>
    public static Dataset Build(string site, int edges, long totalPoints, int replayBatchPoints, long startMs, int liveSeconds = 1)
    {
        var perEdge = totalPoints / edges;
        var list = new List<EdgeData>();
        for (var e = 0; e < edges; e++)
        {
            var room = $"room-{e + 1}";
            var points = new List<MetricPoint>((int)perEdge);
            for (var seq = 1L; seq <= perEdge; seq++)
            {
                var second = (seq - 1) / Kinds.Length;
                var kind = Kinds[(int)((seq - 1) % Kinds.Length)];
                points.Add(new MetricPoint { Seq = seq, Ts = startMs + (second * 1000), Kind = kind, Fields = Fields(kind, seq) });
            }

            // First half replayed after an "outage" in large batches, second half live: one message per second.
            var messages = new List<(string Topic, byte[] Payload)>();
            var half = points.Count / 2;
            for (var i = 0; i < half; i += replayBatchPoints)
            {
                messages.Add(Message(site, room, points.Skip(i).Take(Math.Min(replayBatchPoints, half - i)).ToList(), points[i].Seq));
            }

            var replayMessages = messages.Count;
            var live = Kinds.Length * liveSeconds;
            for (var i = half; i < points.Count; i += live)
            {
                messages.Add(Message(site, room, points.Skip(i).Take(live).ToList(), points[i].Seq));
            }

            list.Add(new EdgeData(room, points, messages, replayMessages));
        }

        return new Dataset(site, list, perEdge * edges);
    }

    /// <summary>
    /// The same messages without the point objects they were made from (the raw bodies are encoded first): what stays
    /// in this process during the timed runs is byte arrays, which cost the garbage collector nothing to mark, as a
    /// collector's heap does not hold its edges' data either.
    /// </summary>
    public Dataset WithoutPoints() => this with { Edges = Edges.Select(e => e with { Points = [] }).ToList() };

    private static (string Topic, byte[] Payload) Message(string site, string room, List<MetricPoint> points, long floor)
    {
        var batch = new MetricBatch { V = SchemaVersion.Current, Site = site, Room = room, Edge = "bench-edge", Floor = floor, Points = points };
        var payload = JsonSerializer.SerializeToUtf8Bytes(batch, ContractsJsonContext.Default.MetricBatch);
        if (payload.Length > Limits.MaxPayloadBytes)
        {
            throw new InvalidOperationException($"a bench message is {payload.Length} bytes; lower the replay batch size");
        }

        var kinds = points.Select(p => p.Kind).Distinct(StringComparer.Ordinal).ToList();
        return (Topic.Metrics(site, room, kinds.Count == 1 ? kinds[0] : Topic.MixedKinds), payload);
    }

    private static Dictionary<string, FieldValue> Fields(string kind, long seq)
    {
        var jitter = (seq % 97) / 97.0;
        return kind switch
        {
            MetricKind.Stream => new()
            {
                ["width"] = 1920, ["height"] = 1080, ["fps"] = 29.97 + (jitter / 10), ["bitrate_bps"] = 4_500_000 + (jitter * 100_000),
                ["video_bitrate_bps"] = 4_372_000 + (jitter * 90_000), ["audio_bitrate_bps"] = 128_000, ["up"] = true,
                ["keyframe_interval_s"] = 2.0, ["uptime_s"] = seq, ["video_codec"] = "h264",
            },
            MetricKind.Audio => new()
            {
                ["momentary_lufs"] = -23.1 + jitter, ["short_term_lufs"] = -23.4 + jitter, ["true_peak_dbtp"] = -3.2 + jitter, ["present"] = true, ["silent"] = false,
            },
            MetricKind.Vision => new()
            {
                ["shift_x_pct"] = jitter / 5, ["shift_y_pct"] = jitter / 7, ["scale"] = 1.0 + (jitter / 100), ["backdrop_coverage_pct"] = 99.5,
                ["luma_mean"] = 118 + jitter, ["clipped_pct"] = 0.3, ["crushed_pct"] = 0.8, ["host_to_background"] = 1.4, ["sharpness_rel"] = 0.98,
            },
            MetricKind.Network => new()
            {
                ["tx_bps"] = 4_800_000 + (jitter * 200_000), ["rx_bps"] = 120_000, ["rtt_ms"] = 12 + jitter, ["loss_pct"] = 0,
            },
            _ => new()
            {
                ["cpu_pct"] = 31 + jitter, ["mem_used_bytes"] = 6.2e9, ["disk_free_bytes"] = 4.1e11, ["temp_c"] = 54 + jitter,
            },
        };
    }
}

/// <summary>One simulated edge: its points (for the raw baseline) and its messages (for the collector).</summary>
/// <remarks>ReplayMessages: how many of the first messages are replay batches (the rest are live).</remarks>
internal sealed record EdgeData(string Room, IReadOnlyList<MetricPoint> Points, IReadOnlyList<(string Topic, byte[] Payload)> Messages, int ReplayMessages);
