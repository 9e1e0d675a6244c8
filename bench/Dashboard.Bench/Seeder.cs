using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LiveRoom.Dashboard.Bench;

/// <summary>
/// Writes one room's <c>stream</c> points at 1 point/s over a span, as line protocol batches (second precision) on two
/// connections, the way the collector writes them (fields fps, bitrate_bps, video_bitrate_bps).
/// </summary>
internal static class Seeder
{
    private const int BatchPoints = 50_000;

    public static async Task<long> SeedAsync(Uri influx, string database, string retentionPolicy, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = influx, Timeout = TimeSpan.FromMinutes(5) };
        var start = from.ToUnixTimeSeconds();
        var end = to.ToUnixTimeSeconds();
        var batches = new List<(long From, long To)>();
        for (var s = start; s < end; s += BatchPoints)
        {
            batches.Add((s, Math.Min(end, s + BatchPoints)));
        }

        long written = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            var body = Build(batch.From, batch.To);
            for (var attempt = 1; ; attempt++)
            {
                using var content = new StringContent(body, Encoding.UTF8, "text/plain");
                using var response = await http.PostAsync(new Uri($"write?db={database}&rp={retentionPolicy}&precision=s", UriKind.Relative), content, ct);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }

                // InfluxDB sheds load ("cache maximum memory size exceeded") while it compacts: back off and resend.
                if (attempt >= 20)
                {
                    throw new InvalidOperationException($"write failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), ct);
            }

            var total = Interlocked.Add(ref written, batch.To - batch.From);
            if (total / BatchPoints % 20 == 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {total:N0} points ({total / clock.Elapsed.TotalSeconds:N0}/s)"));
            }
        });
        return written;
    }

    private static string Build(long from, long to)
    {
        var sb = new StringBuilder((int)(to - from) * 90);
        for (var t = from; t < to; t++)
        {
            // 30 fps with a dip to 24 for a minute every 6 hours; bitrate wandering around 4.5 Mbit/s.
            var fps = t % 21_600 < 60 ? 24.0 : 30.0;
            var bitrate = 4_500_000 + (t % 600 * 1_000);
            // seq as the collector writes it on every point (the edge's sequence number; here the second).
            sb.Append(CultureInfo.InvariantCulture, $"stream,room=room-1,site=demo fps={fps},bitrate_bps={bitrate},video_bitrate_bps={bitrate - 128_000},seq={t}i {t}\n");
        }

        return sb.ToString();
    }
}
