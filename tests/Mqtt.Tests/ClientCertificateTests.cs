using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using static LiveRoom.Mqtt.Tests.TestClients;

namespace LiveRoom.Mqtt.Tests;

/// <summary>A TLS listener that requires a client certificate and uses its CN as the user name for the ACL.</summary>
[FailOnUnobservedTaskException]
public sealed class ClientCertificateTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("mqtt-mtls");
    private MosquittoServer _server = null!;
    private TestCertificates _certificates = null!;

    public async Task InitializeAsync()
    {
        _certificates = TestCertificates.Create(_dir, "mtls");
        var acl = _dir.Combine("acl");
        await File.WriteAllTextAsync(acl, "user edge-1\ntopic readwrite cert/edge-1/#\n");
        _server = await MosquittoServer.StartAsync(
            new MosquittoServerOptions
            {
                DataDirectory = _dir.Combine("broker"),
                AllowAnonymous = false,
                AclFile = acl,
                Tls = new MosquittoTlsListener
                {
                    CaFile = _certificates.CaFile,
                    CertFile = _certificates.CertFile,
                    KeyFile = _certificates.KeyFile,
                    RequireCertificate = true,
                    UseIdentityAsUsername = true,
                },
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task ConnectAsync_WithClientCertificate_AuthenticatesAsItsCommonName()
    {
        var (cert, key) = _certificates.CreateClient(_dir, "edge-1");
        var sink = new MessageSink();
        var options = Options(_server, sink: sink) with
        {
            Port = _server.TlsPort,
            Tls = new MqttTlsOptions { CaFile = _certificates.CaFile, CertFile = cert, KeyFile = key },
        };
        await using var client = await ConnectAsync(options);
        await client.SubscribeAsync("cert/edge-1/#", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);

        await client.PublishAsync("cert/edge-1/x", Utf8("mine"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        var refused = await Assert.ThrowsAsync<MqttPublishException>(
            () => client.PublishAsync("cert/edge-2/x", Utf8("not mine"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait));

        Assert.Equal("mine", Text(Assert.Single(await sink.WaitForTopicAsync("cert/edge-1/x"))));
        Assert.Equal(0x87, refused.ReasonCode);
    }

    [Fact]
    public async Task ConnectAsync_WithoutClientCertificate_Fails()
    {
        await using var client = new MosquittoClient(Options(_server) with { Port = _server.TlsPort, Tls = new MqttTlsOptions { CaFile = _certificates.CaFile } });

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(CancellationToken.None).WaitAsync(Wait));

        Assert.Contains(_server.TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }
}
