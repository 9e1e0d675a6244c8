using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LiveRoom.Mqtt;
using LiveRoom.Testing;

namespace LiveRoom.Mqtt.Tests;

[FailOnUnobservedTaskException]
public sealed class ConnectFailureTests
{
    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsWithHostPortAndLibraryText()
    {
        var port = UnusedPort();
        await using var client = new MosquittoClient(new MqttClientOptions { Host = "127.0.0.1", Port = port, ClientId = "nobody-home" });

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(CancellationToken.None).WaitAsync(TestClients.Wait));

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}"), error.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(-1, error.ReasonCode);
        Assert.NotEqual(0, error.LibraryError);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task ConnectAsync_UnresolvableHost_ThrowsWithHostName()
    {
        await using var client = new MosquittoClient(new MqttClientOptions { Host = "no-such-host.invalid", Port = 1883, ClientId = "nobody-home" });

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(CancellationToken.None).WaitAsync(TestClients.Wait));

        Assert.Contains("no-such-host.invalid:1883", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(0, error.LibraryError);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
