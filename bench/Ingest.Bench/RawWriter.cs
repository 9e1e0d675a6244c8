using System.Diagnostics;
using LiveRoom.Ingest.LineProtocol;

namespace LiveRoom.Ingest.Bench;

/// <summary>The baseline: the same points, encoded to the same lines, written straight to InfluxDB with the same batch size and parallelism.</summary>
internal static class RawWriter
{
    /// <summary>The request bodies of the raw run: every point of <paramref name="data"/> encoded, <paramref name="batchSize"/> lines each.</summary>
    public static IReadOnlyList<byte[]> Encode(Dataset data, int batchSize)
    {
        var encoder = new LineProtocolEncoder();
        var bodies = new List<byte[]>();
        var buffer = new LineBuffer();
        foreach (var edge in data.Edges)
        {
            foreach (var point in edge.Points)
            {
                encoder.Encode(buffer, data.Site, edge.Room, point);
                if (buffer.LineCount >= batchSize)
                {
                    bodies.Add(buffer.Memory.ToArray());
                    buffer.Clear();
                }
            }
        }

        if (buffer.LineCount > 0)
        {
            bodies.Add(buffer.Memory.ToArray());
        }

        return bodies;
    }

    public static async Task<TimeSpan> WriteAsync(HttpClient http, string database, IReadOnlyList<byte[]> bodies, int concurrency)
    {
        var uri = new Uri($"write?db={database}&precision=ns", UriKind.Relative);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new ByteArrayContent(bodies[i]);
                using var response = await http.PostAsync(uri, content);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"raw write failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        return clock.Elapsed;
    }
}
