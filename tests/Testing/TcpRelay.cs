using System.Net;
using System.Net.Sockets;

namespace LiveRoom.Testing;

/// <summary>
/// A TCP relay on 127.0.0.1 between a client and a server, which a test can cut and restore: the
/// network cut between a studio PC and the central broker, without leaving loopback.
/// While cut, existing connections are reset and new ones are refused (the listener is closed).
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly List<(TcpClient A, TcpClient B)> _pairs = [];
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;

    public TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        Port = Runtime.Processes.FreePort.Next();
        Restore();
    }

    public int Port { get; }

    public bool IsCut { get; private set; }

    /// <summary>Resets every relayed connection and refuses new ones.</summary>
    public void Cut()
    {
        IsCut = true;
        _listener?.Stop();
        _listener = null;
        lock (_pairs)
        {
            foreach (var (a, b) in _pairs)
            {
                try
                {
                    // RST rather than FIN: what a pulled cable or a dead NAT looks like to the client, at once.
                    a.Client?.LingerState = new LingerOption(true, 0);
                }
                catch (ObjectDisposedException)
                {
                    // The pump already closed this side.
                }

                a.Dispose();
                b.Dispose();
            }

            _pairs.Clear();
        }
    }

    /// <summary>Accepts and relays connections again.</summary>
    public void Restore()
    {
        IsCut = false;
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Cut();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_pairs)
            {
                _pairs.Add((inbound, outbound));
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            var source = from.GetStream();
            var sink = to.GetStream();
            int read;
            while ((read = await source.ReadAsync(buffer)) > 0)
            {
                await sink.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
