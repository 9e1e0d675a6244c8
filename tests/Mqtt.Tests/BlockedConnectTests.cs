using System.Net;
using System.Net.Sockets;
using LiveRoom.Mqtt;
using LiveRoom.Testing;

namespace LiveRoom.Mqtt.Tests;

/// <summary>A broker address that never answers: a listener whose accept queue is full drops further SYNs.</summary>
[FailOnUnobservedTaskException]
public sealed class BlockedConnectTests
{
    [Fact]
    public async Task ConnectAsync_HostNeverAnswers_TimesOutAndDisposeDoesNotHang()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(1);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var fillers = new List<TcpClient>();
        Task? pending = null;
        try
        {
            // Fill the accept queue until a connect no longer completes.
            for (var i = 0; i < 16; i++)
            {
                var filler = new TcpClient();
                fillers.Add(filler);
                using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                try
                {
                    await filler.ConnectAsync(IPAddress.Loopback, port, quick.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var client = new MosquittoClient(new MqttClientOptions
            {
                Host = "127.0.0.1",
                Port = port,
                ClientId = "blocked",
                ConnectTimeout = TimeSpan.FromSeconds(1),
            });

            var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
            pending = client.PublishAsync("blocked/x", "x"u8.ToArray(), MqttQos.AtLeastOnce, false, CancellationToken.None);
            await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
            Assert.False(client.IsConnected);
            Assert.False(pending.IsCompletedSuccessfully);
        }
        finally
        {
            foreach (var filler in fillers)
            {
                filler.Dispose();
            }

            // The SYN retransmission now meets a closed port: the native connect returns, the loop exits.
            listener.Stop();
        }

        // The publish queued while the thread was stuck in connect faults once the loop exits, as DisposeAsync says.
        Assert.NotNull(pending);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending.WaitAsync(TimeSpan.FromSeconds(90)));
    }
}
