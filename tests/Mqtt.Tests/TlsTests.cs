using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using static LiveRoom.Mqtt.Tests.TestClients;

namespace LiveRoom.Mqtt.Tests;

[FailOnUnobservedTaskException]
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("mqtt-tls");
    private MosquittoServer _server = null!;
    private TestCertificates _certificates = null!;

    public async Task InitializeAsync()
    {
        _certificates = TestCertificates.Create(_dir, "good");
        _server = await MosquittoServer.StartAsync(
            new MosquittoServerOptions
            {
                DataDirectory = _dir.Combine("broker"),
                Tls = new MosquittoTlsListener { CaFile = _certificates.CaFile, CertFile = _certificates.CertFile, KeyFile = _certificates.KeyFile },
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task PublishAsync_OverTlsWithTrustedCa_RoundTrips()
    {
        var sink = new MessageSink();
        var tls = Options(_server, sink: sink) with { Port = _server.TlsPort, Tls = new MqttTlsOptions { CaFile = _certificates.CaFile } };
        await using var client = await ConnectAsync(tls);
        await client.SubscribeAsync("tls/x", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);

        await client.PublishAsync("tls/x", Utf8("secret"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        Assert.Equal("secret", Text(Assert.Single(await sink.WaitForTopicAsync("tls/x"))));
    }

    [Fact]
    public async Task ConnectAsync_ServerCertificateFromAnotherCa_ThrowsClearTlsError()
    {
        var otherCa = TestCertificates.Create(_dir, "other");
        var tls = Options(_server) with { Port = _server.TlsPort, Tls = new MqttTlsOptions { CaFile = otherCa.CaFile } };
        var log = new ListLogger<MosquittoClient>();
        await using var client = new MosquittoClient(tls, log);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(CancellationToken.None).WaitAsync(Wait));

        Assert.Contains(_server.TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("certificate verify failed", error.Message, StringComparison.OrdinalIgnoreCase);
        // The library's own log line reached ILogger through the log callback.
        Assert.Contains(log.Lines, l => l.Contains("OpenSSL Error", StringComparison.Ordinal));
        Assert.False(client.IsConnected);
    }

    [Fact]
    public void Constructor_MissingCaFile_NamesTheFile()
    {
        var missing = _dir.Combine("missing-ca.crt");

        var error = Assert.Throws<MqttConnectException>(() => new MosquittoClient(Options(_server) with { Tls = new MqttTlsOptions { CaFile = missing } }));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
