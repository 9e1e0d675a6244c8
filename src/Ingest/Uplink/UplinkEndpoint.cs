using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using LiveRoom.Contracts.Uplink;
using LiveRoom.Ingest.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Uplink;

/// <summary>
/// The collector's uplink test endpoint (issue 4 item 6: "the collector offers one"): <c>POST /uplink</c> reads the
/// body an edge's pre-show checklist uploads (<see cref="UplinkSink"/>, at most <see cref="UplinkOptions.MaxDuration"/>)
/// and answers the <see cref="UplinkReceipt"/>: bytes, seconds and the collector's clock, which the edge also uses for
/// its clock check (an empty POST). At most <see cref="UplinkOptions.MaxConcurrent"/> uploads are measured at once;
/// another is answered 503 with <c>Retry-After</c> and the reason. Its own listener, independent of the alert page, and
/// up while the collector runs, standby or active: the test measures the room's link, not the collector's role.
/// </summary>
public sealed class UplinkEndpoint(UplinkOptions options, ILogger logger, TimeProvider? time = null) : IAsyncDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrent, options.MaxConcurrent);
    private WebApplication? _app;

    /// <summary>Where it listens once started (the base address; uploads go to <c>{Address}uplink</c>).</summary>
    public Uri? Address { get; private set; }

    /// <summary>Uploads being measured now.</summary>
    public int Running => options.MaxConcurrent - _slots.CurrentCount;

    /// <param name="certificate">For https: the certificate (with its key) and the intermediates to send along.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task StartAsync((X509Certificate2 Certificate, X509Certificate2Collection Chain)? certificate, CancellationToken cancellationToken)
    {
        (_app, Address) = await CollectorListener.StartAsync(
            options.Url, certificate, app => app.MapPost(UplinkDefaults.Path, ReceiveAsync), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await CollectorListener.StopAsync(Interlocked.Exchange(ref _app, null)).ConfigureAwait(false);

        _slots.Dispose();
    }

    private async Task ReceiveAsync(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        // A clock exchange (empty body) costs nothing and is never refused; an upload takes a slot.
        var upload = http.Request.ContentLength is not 0;
        if (upload && !_slots.Wait(0))
        {
            var retry = (int)UplinkDefaults.RetryAfter.TotalSeconds;
            UplinkLog.Busy(logger, remote, options.MaxConcurrent, retry);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
            await http.Response.WriteAsync(
                string.Create(CultureInfo.InvariantCulture, $"uplink test endpoint busy: {options.MaxConcurrent} tests are running (Ingest:Uplink:MaxConcurrent); retry in {retry} s"),
                http.RequestAborted).ConfigureAwait(false);
            return;
        }

        try
        {
            // Kestrel's 30 MB request limit is 25 s at 10 Mbit/s; the sink's time bound is the limit here.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = null;
            }

            var receipt = await UplinkSink.ReceiveAsync(http.Request.Body, _time, options.MaxDuration, http.RequestAborted).ConfigureAwait(false);
            if (upload && receipt.Mbps is { } mbps)
            {
                UplinkLog.Measured(logger, remote, mbps, receipt.Bytes, receipt.Seconds);
            }

            var json = receipt.ToJson();
            http.Response.ContentType = UplinkReceipt.ContentType;
            http.Response.ContentLength = json.Length;
            await http.Response.Body.WriteAsync(json, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The edge went away or its link broke mid-upload: nothing to answer, and its own test reports the failure.
            UplinkLog.Aborted(logger, remote, ex.Message);
        }
        finally
        {
            if (upload)
            {
                _slots.Release();
            }
        }
    }
}
