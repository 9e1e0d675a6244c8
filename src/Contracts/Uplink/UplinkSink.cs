namespace LiveRoom.Contracts.Uplink;

/// <summary>
/// The server half of the uplink test (seed clause 6.2.1.1), free of any web framework: the collector hosts it
/// (<c>Ingest:Uplink:Url</c>, POST <c>/uplink</c>) and the probe's tests host it on an HttpListener. It reads the POST
/// body to its end (or for at most <c>maxDuration</c>), counting bytes and timing from the first to the last, and
/// returns the <see cref="UplinkReceipt"/> the host sends back (<see cref="UplinkReceipt.ToJson"/>,
/// <see cref="UplinkReceipt.ContentType"/>). An empty body is a clock exchange: only the receipt's <c>serverTime</c>
/// matters then.
/// </summary>
public static class UplinkSink
{
    private const int BufferBytes = 64 * 1024;

    /// <summary>Longest upload the sink reads before it answers: 60 s.</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromSeconds(60);

    public static Task<UplinkReceipt> ReceiveAsync(System.IO.Stream body, TimeProvider time, CancellationToken cancellationToken) =>
        ReceiveAsync(body, time, DefaultMaxDuration, cancellationToken);

    public static async Task<UplinkReceipt> ReceiveAsync(System.IO.Stream body, TimeProvider time, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new byte[BufferBytes];
        long bytes = 0;
        long first = 0;
        long last = 0;
        while (true)
        {
            var n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            last = time.GetTimestamp();
            if (bytes == 0)
            {
                first = last;
            }

            bytes += n;
            if (time.GetElapsedTime(first, last) >= maxDuration)
            {
                break;
            }
        }

        var seconds = bytes == 0 ? 0 : time.GetElapsedTime(first, last).TotalSeconds;
        return new UplinkReceipt(bytes, seconds, time.GetUtcNow().ToUnixTimeMilliseconds());
    }
}
