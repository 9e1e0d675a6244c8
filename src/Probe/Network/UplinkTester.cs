using System.Globalization;
using System.Net.Http.Headers;

namespace LiveRoom.Probe.Network;

/// <summary>
/// The active uplink test (issue 4 item 6): POSTs incompressible bytes for a given time to the collector's uplink
/// endpoint and reports the Mbit/s the server acknowledged (<see cref="UplinkReceipt"/>). Each reply's
/// <c>serverTime</c> also feeds the <see cref="ClockOffsetEstimator"/>; <see cref="ExchangeTimeAsync"/> does that
/// with an empty body.
/// </summary>
public sealed class UplinkTester(HttpClient http, TimeProvider time, ClockOffsetEstimator? clock = null)
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
        ClockOffset? sample = receipt.ServerTime > 0 && clock is not null
            ? clock.Add(content.Finished, DateTimeOffset.FromUnixTimeMilliseconds(receipt.ServerTime), t3)
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

    /// <summary>A clock exchange: an empty POST; null (with nothing added) when it failed or the reply had no serverTime.</summary>
    public async Task<ClockOffset?> ExchangeTimeAsync(Uri endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent([]);
        var t0 = time.GetUtcNow();
        var outcome = await ExchangeAsync(endpoint, content, timeout, cancellationToken).ConfigureAwait(false);
        if (outcome.Receipt is not { ServerTime: > 0 } receipt || clock is null)
        {
            return null;
        }

        return clock.Add(t0, DateTimeOffset.FromUnixTimeMilliseconds(receipt.ServerTime), outcome.ReceivedAt);
    }

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
