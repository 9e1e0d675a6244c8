using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads.Lifecycle;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LiveRoom.Probe.Display;

/// <content>
/// <c>GET /events</c>: server-sent events. The current state at once, then every change (the page updates within
/// 2 s), a comment line every heartbeat so idle connections stay open, and <c>retry:</c> so the browser reconnects
/// fast after a drop; on reconnect the current state comes first again, so the page resyncs.
/// </content>
public sealed partial class DoorDisplayServer
{
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();
    private static readonly byte[] StatePrefix = "event: state\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    private async Task EventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var remote = Remote(context);
        DoorDisplayLog.StreamOpened(_logger, remote, Interlocked.Increment(ref _streams));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            var retry = string.Create(CultureInfo.InvariantCulture, $"retry: {(long)DisplayDefaults.ReconnectDelay.TotalMilliseconds}\n\n");
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(retry), stop.Token).ConfigureAwait(false);
            await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            await PumpAsync(response.Body, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page went away or the server stops: a quiet end.
        }
        catch (IOException) when (stop.IsCancellationRequested || context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DoorDisplayLog.StreamFailed(_logger, e, remote);
        }
        finally
        {
            DoorDisplayLog.StreamClosed(_logger, remote, Interlocked.Decrement(ref _streams));
        }
    }

    private async Task PumpAsync(System.IO.Stream body, CancellationToken cancellationToken)
    {
        using var inner = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var states = _lifecycle.WatchAsync(inner.Token).GetAsyncEnumerator(inner.Token);
        Task<bool>? next = null;
        Task? beat = null;
        try
        {
            next = states.MoveNextAsync().AsTask();
            beat = Task.Delay(_options.HeartbeatInterval, _time, inner.Token);
            while (true)
            {
                var done = await Task.WhenAny(next, beat).ConfigureAwait(false);
                if (done == next)
                {
                    if (!await next.ConfigureAwait(false))
                    {
                        return;
                    }

                    await WriteStateAsync(body, states.Current, cancellationToken).ConfigureAwait(false);
                    next = states.MoveNextAsync().AsTask();
                }
                else
                {
                    await beat.ConfigureAwait(false);
                    await body.WriteAsync(Heartbeat, cancellationToken).ConfigureAwait(false);
                    await body.FlushAsync(cancellationToken).ConfigureAwait(false);
                    beat = Task.Delay(_options.HeartbeatInterval, _time, inner.Token);
                }
            }
        }
        finally
        {
            await inner.CancelAsync().ConfigureAwait(false);

            // An async iterator must not be disposed while a MoveNextAsync is still running.
            if (next is not null)
            {
                try
                {
                    await next.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            await states.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteStateAsync(System.IO.Stream body, RoomStateMessage state, CancellationToken cancellationToken)
    {
        // JSON from the serializer never holds a raw newline, so one data: line carries it.
        var json = JsonSerializer.SerializeToUtf8Bytes(Snapshot(state), DisplayJsonContext.Default.DoorSnapshot);
        await body.WriteAsync(StatePrefix, cancellationToken).ConfigureAwait(false);
        await body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        await body.WriteAsync(EventEnd, cancellationToken).ConfigureAwait(false);
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
