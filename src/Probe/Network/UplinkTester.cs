using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using LiveRoom.Contracts.Uplink;

namespace LiveRoom.Probe.Network;

/// <summary>
/// The active uplink test (issue 4 item 6): POSTs incompressible bytes for a given time to the collector's uplink
/// endpoint and reports the Mbit/s the server acknowledged (<see cref="UplinkReceipt"/>). Each reply's
/// <c>serverTime</c> also gives a clock sample (<see cref="ClockOffsetEstimator.Compute"/>) for the caller's
/// <see cref="ClockOffsetEstimator"/>; <see cref="ExchangeTimeAsync"/> makes one with an empty body.
/// A collector measuring as many tests as it allows answers 503 with Retry-After (rooms whose shows start together test
/// together): the test waits as told (at most a minute at a time, with a little jitter so the waiting rooms do not all
/// come back at once) and tries again, for up to <paramref name="busyPatience"/> (default 5 min) in all.
/// </summary>
/// <remarks>
/// http: from <see cref="CreateHttpClient"/>, so that a busy collector's 503 is heard before the body goes.
/// maxBusyWait: the longest single wait whatever Retry-After says (default 60 s).
/// </remarks>
public sealed class UplinkTester(HttpClient http, TimeProvider time, TimeSpan? busyPatience = null, TimeSpan? maxBusyWait = null)
{
    /// <summary>How long a test keeps trying while the collector is busy: 5 min, well inside the checklist's 30.</summary>
    public static readonly TimeSpan DefaultBusyPatience = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an upload waits for the server's "100 Continue" or refusal before sending its body anyway
    /// (<see cref="SocketsHttpHandler.Expect100ContinueTimeout"/>; .NET's default is 1 s). A busy collector's 503 that
    /// comes later than that, from a loaded collector or across a slow link, found the body already on its way: the
    /// collector closed the connection on it and the edge saw "Error while copying content to a stream" instead of
    /// the 503, and failed its checklist item instead of waiting its turn.
    /// </summary>
    public static readonly TimeSpan ContinueWait = TimeSpan.FromSeconds(5);

    /// <summary>Extra time the server may take to answer after the upload ended.</summary>
    private static readonly TimeSpan ReplyGrace = TimeSpan.FromSeconds(10);

    /// <summary>The longest single wait, whatever Retry-After says; and the wait when a 503 names none.</summary>
    private static readonly TimeSpan DefaultMaxBusyWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DefaultBusyWait = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _busyPatience = busyPatience ?? DefaultBusyPatience;
    private readonly TimeSpan _maxBusyWait = maxBusyWait ?? DefaultMaxBusyWait;

    /// <summary>The client the tester needs: one that waits <see cref="ContinueWait"/> for the server's word before uploading.</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler { Expect100ContinueTimeout = ContinueWait });

    public async Task<UplinkTestResult> RunAsync(Uri endpoint, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var waited = TimeSpan.Zero;
        while (true)
        {
            using var content = new TimedUploadContent(duration, time);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var outcome = await ExchangeAsync(endpoint, content, ContinueWait + duration + ReplyGrace, cancellationToken, expectContinue: true).ConfigureAwait(false);
            if (outcome.Busy is { } retryAfter)
            {
                var wait = BusyWait(retryAfter);
                if (waited + wait > _busyPatience)
                {
                    return UplinkTestResult.Failed(
                        string.Create(CultureInfo.InvariantCulture, $"{outcome.Error}; still busy after {waited.TotalSeconds:0} s of waiting"),
                        content.BytesSent) with { BusyWaited = waited };
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                waited += wait;
                continue;
            }

            return Result(outcome, content) with { BusyWaited = waited };
        }
    }

    // What Retry-After asked, within 1 s .. the longest wait, plus up to a tenth more so waiting rooms spread out.
    private TimeSpan BusyWait(TimeSpan asked)
    {
        var wait = asked < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : asked > _maxBusyWait ? _maxBusyWait : asked;
        return wait + (wait * Random.Shared.NextDouble() / 10);
    }

    private static UplinkTestResult Result((UplinkReceipt? Receipt, DateTimeOffset ReceivedAt, string? Error, TimeSpan? Busy) outcome, TimedUploadContent content)
    {
        if (outcome.Error is { } error)
        {
            return UplinkTestResult.Failed(error, content.BytesSent);
        }

        var (receipt, t3) = (outcome.Receipt!, outcome.ReceivedAt);
        // t0 = the last byte sent: the server stamps its reply when it has read the end of the body.
        ClockOffset? sample = receipt.ServerTime > 0
            ? ClockOffsetEstimator.Compute(content.Finished, FromUnix(receipt.ServerTime), FromUnix(receipt.ServerTime), t3)
            : null;
        return new UplinkTestResult
        {
            Mbps = receipt.Mbps,
            BytesSent = content.BytesSent,
            BytesAcknowledged = receipt.Bytes,
            ServerSeconds = receipt.Seconds,
            ClientSeconds = content.Elapsed.TotalSeconds,
            Clock = sample,
            Error = receipt.Mbps is null ? "the server received no bytes" : null,
        };
    }

    /// <summary>A clock exchange: an empty POST; null when it failed or the reply had no serverTime.</summary>
    public async Task<ClockOffset?> ExchangeTimeAsync(Uri endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent([]);
        var t0 = time.GetUtcNow();
        var outcome = await ExchangeAsync(endpoint, content, timeout, cancellationToken).ConfigureAwait(false);
        return outcome.Receipt is { ServerTime: > 0 } receipt
            ? ClockOffsetEstimator.Compute(t0, FromUnix(receipt.ServerTime), FromUnix(receipt.ServerTime), outcome.ReceivedAt)
            : null;
    }

    private static DateTimeOffset FromUnix(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    // The server's own words on a refusal (the collector names the setting that limits it): its first line, at most 200 characters.
    private static string Said(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 800)).Trim();
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length == 0 || line.StartsWith('<') ? string.Empty : ": " + (line.Length > 200 ? line[..200] + "…" : line);
    }

    /// <remarks>
    /// Busy: the server answered 503; the wait its Retry-After asked, or 30 s when it named none.
    /// expectContinue: the upload waits for the server's "100 Continue" (RFC 9110 10.1.1), so a busy collector's 503 arrives
    /// before any of the body is sent; sent anyway, the body would be cut off and the 503 lost as a connection error.
    /// The client must wait long enough for it (<see cref="CreateHttpClient"/>).
    /// </remarks>
    private async Task<(UplinkReceipt? Receipt, DateTimeOffset ReceivedAt, string? Error, TimeSpan? Busy)> ExchangeAsync(Uri endpoint, HttpContent content, TimeSpan timeout, CancellationToken cancellationToken, bool expectContinue = false)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
            request.Headers.ExpectContinue = expectContinue ? true : null;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var receivedAt = time.GetUtcNow();
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = string.Create(CultureInfo.InvariantCulture, $"{endpoint} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}{Said(body)}");
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    var after = response.Headers.RetryAfter is { } r ? r.Delta ?? (r.Date - time.GetUtcNow()) : null;
                    return (null, receivedAt, error, after ?? DefaultBusyWait);
                }

                return (null, receivedAt, error, null);
            }

            return (UplinkReceipt.Parse(body), receivedAt, null, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, default, string.Create(CultureInfo.InvariantCulture, $"{endpoint} did not answer within {timeout.TotalSeconds:0.#} s"), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or FormatException)
        {
            return (null, default, $"{endpoint}: {ex.Message}", null);
        }
    }
}
