using System.Globalization;
using System.Net.Http.Headers;
using LiveRoom.Contracts.Uplink;

namespace LiveRoom.Probe.Network;

/// <summary>
/// The active uplink test (issue 4 item 6): POSTs incompressible bytes for a given time to the collector's uplink
/// endpoint and reports the Mbit/s the server acknowledged (<see cref="UplinkReceipt"/>). Each reply's
/// <c>serverTime</c> also gives a clock sample (<see cref="ClockOffsetEstimator.Compute"/>) for the caller's
/// <see cref="ClockOffsetEstimator"/>; <see cref="ExchangeTimeAsync"/> makes one with an empty body.
/// </summary>
public sealed class UplinkTester(HttpClient http, TimeProvider time)
{
    /// <summary>Extra time the server may take to answer after the upload ended.</summary>
    private static readonly TimeSpan ReplyGrace = TimeSpan.FromSeconds(10);

    public async Task<UplinkTestResult> RunAsync(Uri endpoint, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        using var content = new TimedUploadContent(duration, time);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var outcome = await ExchangeAsync(endpoint, content, duration + ReplyGrace, cancellationToken).ConfigureAwait(false);
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

    private async Task<(UplinkReceipt? Receipt, DateTimeOffset ReceivedAt, string? Error)> ExchangeAsync(Uri endpoint, HttpContent content, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var receivedAt = time.GetUtcNow();
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, receivedAt, string.Create(CultureInfo.InvariantCulture, $"{endpoint} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}"));
            }

            return (UplinkReceipt.Parse(body), receivedAt, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, default, string.Create(CultureInfo.InvariantCulture, $"{endpoint} did not answer within {timeout.TotalSeconds:0.#} s"));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or FormatException)
        {
            return (null, default, $"{endpoint}: {ex.Message}");
        }
    }
}
