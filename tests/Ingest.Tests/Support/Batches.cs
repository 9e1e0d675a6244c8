using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Acking;
using LiveRoom.Ingest.LineProtocol;
using LiveRoom.Ingest.Writing;

namespace LiveRoom.Ingest.Tests.Support;

/// <summary>Write batches of simple points for one edge.</summary>
internal static class Batches
{
    public static readonly EdgeKey Edge = new("s1", "r1", "e1");

    public static WriteBatch Create(long firstSeq, int count, long ts = Payloads.Ts, EdgeKey? edge = null, string kind = "stream")
    {
        var batch = new WriteBatch(1024);
        var encoder = new LineProtocolEncoder();
        for (var i = 0; i < count; i++)
        {
            batch.Add(encoder, edge ?? Edge, new MetricPoint
            {
                Seq = firstSeq + i,
                Ts = ts + i,
                Kind = kind,
                Fields = new Dictionary<string, FieldValue> { ["fps"] = 25.0 + i },
            });
        }

        return batch;
    }
}
