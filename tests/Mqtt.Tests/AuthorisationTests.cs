using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using static LiveRoom.Mqtt.Tests.TestClients;

namespace LiveRoom.Mqtt.Tests;

/// <summary>A broker with a password file and an ACL: the v5 reason codes must reach the caller.</summary>
[FailOnUnobservedTaskException]
public sealed class AuthorisationTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("mqtt-auth");
    private MosquittoServer _server = null!;

    public async Task InitializeAsync()
    {
        var passwords = _dir.Combine("passwd");
        await PasswordFile.WriteAsync(passwords, ("alice", "alice-secret"), ("watcher", "watcher-secret"));
        var acl = _dir.Combine("acl");
        await File.WriteAllTextAsync(acl, "user alice\ntopic readwrite allowed/#\n\nuser watcher\ntopic read #\n");
        _server = await MosquittoServer.StartAsync(
            new MosquittoServerOptions { DataDirectory = _dir.Combine("broker"), AllowAnonymous = false, PasswordFile = passwords, AclFile = acl },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task PublishAsync_TopicDeniedByAcl_FaultsWith0x87AndNothingReachesSubscriber()
    {
        var sink = new MessageSink();
        await using var watcher = await ConnectAsync(Options(_server, sink: sink) with { Username = "watcher", Password = "watcher-secret" });
        await watcher.SubscribeAsync("#", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await using var alice = await ConnectAsync(Options(_server) with { Username = "alice", Password = "alice-secret" });

        var denied = await Assert.ThrowsAsync<MqttPublishException>(
            () => alice.PublishAsync("denied/x", Utf8("must not arrive"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait));
        await alice.PublishAsync("allowed/marker", Utf8("after"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(0x87, denied.ReasonCode);
        Assert.Contains("Not authorized", denied.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("denied/x", denied.Message, StringComparison.Ordinal);
        // Same publisher, same subscriber: the marker arrives after anything published before it [MQTT-4.6.0-6].
        var messages = await sink.WaitForTopicAsync("allowed/marker");
        Assert.DoesNotContain(messages, m => m.Topic == "denied/x");
        Assert.True(alice.IsConnected);
    }

    [Fact]
    public async Task ConnectAsync_WrongPassword_ThrowsMqttConnectExceptionWithReason()
    {
        await using var client = new MosquittoClient(Options(_server) with { Username = "alice", Password = "wrong" });

        var refused = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(CancellationToken.None).WaitAsync(Wait));

        Assert.Contains(refused.ReasonCode, new[] { 0x86, 0x87 });
        Assert.Contains("refused the connection", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", refused.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task ConnectAsync_Anonymous_Refused()
    {
        await using var client = new MosquittoClient(Options(_server));

        var refused = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(CancellationToken.None).WaitAsync(Wait));

        Assert.True(refused.ReasonCode >= 0x80, $"reason code {refused.ReasonCode}");
    }
}
