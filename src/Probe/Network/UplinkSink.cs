namespace LiveRoom.Probe.Network;

/// <summary>
/// The server half of the uplink test, free of any web framework so the collector (or dashboard) can host it:
/// read the POST body to its end (or for at most <c>maxDuration</c>), counting bytes and timing from the first to the
/// last, then reply <see cref="UplinkReceipt.ToJson"/> with content type <see cref="UplinkReceipt.ContentType"/>. An
/// empty body is a clock exchange: the reply carries only <c>serverTime</c> worth having.
/// <example>In ASP.NET Core: <c>app.MapPost("/uplink", async (HttpRequest r, CancellationToken ct) =>
/// TypedResults.Bytes((await UplinkSink.ReceiveAsync(r.Body, TimeProvider.System, ct)).ToJson(), UplinkReceipt.ContentType))</c>
/// with <c>MaxRequestBodySize</c> lifted for that endpoint.</example>
/// </summary>
public static class UplinkSink
{
    private const int BufferBytes = 64 * 1024;

    public static Task<UplinkReceipt> ReceiveAsync(System.IO.Stream body, TimeProvider time, CancellationToken cancellationToken) =>
        ReceiveAsync(body, time, NetworkDefaults.UplinkSinkMaxDuration, cancellationToken);

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
