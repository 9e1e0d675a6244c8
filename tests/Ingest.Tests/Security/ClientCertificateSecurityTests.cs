using System.Security.Cryptography.X509Certificates;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Security;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Security;

/// <summary>Generated client certificates on a TLS listener that takes the user name from the certificate's CN.</summary>
public sealed class ClientCertificateSecurityTests
{
    private static readonly TimeSpan Wait = SecuredBroker.Wait;
    private static readonly byte[] Payload = "{}"u8.ToArray();

    [Fact]
    public async Task RunAsync_WithCa_IssuesCertificatePerUserWithUserNameAsCn()
    {
        using var dir = new TempDirectory("certs");
        var ca = TestCa.Create(dir);
        var outDir = dir.Combine("out");

        var code = await SecurityCommand.RunAsync(
            ["generate", "--rooms", "site1/room-a", "--collector-user", "collector", "--out", outDir, "--ca-cert", ca.CertFile, "--ca-key", ca.KeyFile, "--cert-days", "10"],
            TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        using var issued = X509Certificate2.CreateFromPemFile(Path.Combine(outDir, "certs", "edge-site1-room-a.crt"), Path.Combine(outDir, "certs", "edge-site1-room-a.key"));
        using var caCert = X509Certificate2.CreateFromPem(File.ReadAllText(ca.CertFile));
        Assert.Equal("CN=edge-site1-room-a", issued.Subject);
        Assert.Equal(caCert.Subject, issued.Issuer);
        Assert.True(issued.NotAfter < DateTime.Now.AddDays(11));
        Assert.True(File.Exists(Path.Combine(outDir, "certs", "collector.crt")));
    }

    [Fact]
    public async Task RoomCertificate_PublishIntoAnotherRoom_Refused0x87_OwnRoomReachesCollector()
    {
        using var dir = new TempDirectory("certs");
        var ca = TestCa.Create(dir);
        var outDir = dir.Combine("out");
        var code = await SecurityCommand.RunAsync(
            ["generate", "--rooms", "site1/room-a,site1/room-b", "--collector-user", "collector", "--out", outDir, "--ca-cert", ca.CertFile, "--ca-key", ca.KeyFile],
            TextWriter.Null, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, code);
        await using var server = await MosquittoServer.StartAsync(
            new MosquittoServerOptions
            {
                DataDirectory = dir.Combine("broker"),
                AllowAnonymous = false,
                Persistence = false,
                PasswordFile = Path.Combine(outDir, SecurityFiles.PasswordFileName),
                AclFile = Path.Combine(outDir, SecurityFiles.AclFileName),
                Tls = new MosquittoTlsListener
                {
                    CaFile = ca.CertFile,
                    CertFile = ca.ServerCertFile,
                    KeyFile = ca.ServerKeyFile,
                    RequireCertificate = true,
                    UseIdentityAsUsername = true,
                },
            },
            CancellationToken.None);
        MqttClientOptions Options(string user, Received? inbox = null) => new()
        {
            Host = server.Host,
            Port = server.TlsPort,
            ClientId = user,
            Tls = new MqttTlsOptions
            {
                CaFile = ca.CertFile,
                CertFile = Path.Combine(outDir, "certs", user + ".crt"),
                KeyFile = Path.Combine(outDir, "certs", user + ".key"),
            },
            OnMessage = inbox is null ? null : inbox.Handle,
        };
        var collectorInbox = new Received();
        await using var collector = new MosquittoClient(Options("collector", collectorInbox));
        await collector.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await collector.SubscribeAsync(Topic.AllRooms, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await using var edgeA = new MosquittoClient(Options("edge-site1-room-a"));
        await edgeA.ConnectAsync(CancellationToken.None).WaitAsync(Wait);

        var intoB = Topic.Events("site1", "room-b");
        var refused = await Assert.ThrowsAsync<MqttPublishException>(
            () => edgeA.PublishAsync(intoB, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait));
        var own = Topic.Events("site1", "room-a");
        await edgeA.PublishAsync(own, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(0x87, refused.ReasonCode);
        var topics = await collectorInbox.WaitForTopicAsync(own);
        Assert.DoesNotContain(intoB, topics);
    }
}
