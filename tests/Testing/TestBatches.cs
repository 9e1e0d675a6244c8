using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;

namespace LiveRoom.Testing;

/// <summary>Metric messages as an edge publishes them, for tests that play an edge on a real broker.</summary>
public static class TestBatches
{
    /// <summary>One stream point of <paramref name="site"/>/<paramref name="room"/> now: a 1080p stream that is up, at <paramref name="fps"/>.</summary>
    public static byte[] Stream(string site, string room, long seq, double fps) => JsonSerializer.SerializeToUtf8Bytes(
        new MetricBatch
        {
            V = SchemaVersion.Current,
            Site = site,
            Room = room,
            Edge = "edge-" + room,
            Floor = 1,
            Points =
            [
                new MetricPoint
                {
                    Seq = seq,
                    Ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                    Kind = MetricKind.Stream,
                    Fields = new Dictionary<string, FieldValue> { [MetricKind.StreamFields.Fps] = fps, [MetricKind.StreamFields.Height] = 1080, [MetricKind.StreamFields.Up] = true },
                },
            ],
        },
        ContractsJsonContext.Default.MetricBatch);
}
