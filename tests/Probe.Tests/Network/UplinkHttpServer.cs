using System.Net;
using LiveRoom.Contracts.Uplink;
using LiveRoom.Probe.Network;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Probe.Tests.Network;

/// <summary>
/// The collector's uplink endpoint as a tiny HttpListener server on 127.0.0.1 hosting <see cref="UplinkSink"/>:
/// POST /uplink/ → <c>{"bytes":N,"seconds":S,"serverTime":unixMs}</c>. Its clock may be set apart from ours, and it can
/// fail on cue, which the collector's own endpoint (<c>LiveRoom.Ingest.Uplink.UplinkEndpoint</c>, run by the
/// end-to-end tests) cannot.
/// </summary>
internal sealed class UplinkHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public UplinkHttpServer(TimeSpan? clockAhead = null, int? port = null)
    {
        Time = new ShiftedTimeProvider(clockAhead ?? TimeSpan.Zero);
        port ??= FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/uplink/");
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{port}/uplink/");
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public TimeProvider Time { get; }

    /// <summary>When set, requests are answered with this status and no receipt.</summary>
    public int? FailWith { get; set; }

    /// <summary>Uploads answered 503 with <c>Retry-After: 1</c> and a reason (as the collector's endpoint does when full) before one is measured.</summary>
    public int BusyFor;

    public int Requests;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref Requests);
        try
        {
            if (Interlocked.Decrement(ref BusyFor) >= 0)
            {
                // HttpListener has already said "100 Continue", so the edge sends its body: read it, then refuse.
                await context.Request.InputStream.CopyToAsync(System.IO.Stream.Null);
                context.Response.StatusCode = 503;
                context.Response.AddHeader("Retry-After", "1");
                var reason = "1 uplink tests are running (Ingest:Uplink:MaxConcurrent); try again in 1 s"u8.ToArray();
                context.Response.ContentLength64 = reason.Length;
                await context.Response.OutputStream.WriteAsync(reason);
                context.Response.Close();
                return;
            }

            if (FailWith is { } status)
            {
                await context.Request.InputStream.CopyToAsync(System.IO.Stream.Null);
                context.Response.StatusCode = status;
                context.Response.Close();
                return;
            }

            var receipt = await UplinkSink.ReceiveAsync(context.Request.InputStream, Time, _stop.Token);
            var json = receipt.ToJson();
            context.Response.ContentType = UplinkReceipt.ContentType;
            context.Response.ContentLength64 = json.Length;
            await context.Response.OutputStream.WriteAsync(json);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            context.Response.Abort();
        }
    }

    private sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
