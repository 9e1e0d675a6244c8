using System.Net;
using LiveRoom.Probe.Network;

namespace LiveRoom.EndToEnd.Lifecycle;

/// <summary>The collector's uplink endpoint as a small HttpListener on a fixed loopback port, hosting <see cref="UplinkSink"/>.</summary>
internal sealed class UplinkReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public UplinkReceiver(int port)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/uplink/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

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

            _ = Task.Run(async () =>
            {
                Interlocked.Increment(ref Requests);
                try
                {
                    var receipt = await UplinkSink.ReceiveAsync(context.Request.InputStream, TimeProvider.System, _stop.Token);
                    var body = receipt.ToJson();
                    context.Response.ContentType = UplinkReceipt.ContentType;
                    context.Response.ContentLength64 = body.Length;
                    await context.Response.OutputStream.WriteAsync(body, _stop.Token);
                    context.Response.Close();
                }
                catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
                {
                    context.Response.Abort();
                }
            });
        }
    }
}
