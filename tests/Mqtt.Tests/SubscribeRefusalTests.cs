using System.Security.Cryptography;
using System.Text;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using static LiveRoom.Mqtt.Tests.TestClients;

namespace LiveRoom.Mqtt.Tests;

/// <summary>
/// mosquitto 2.0's acl_file grants every SUBSCRIBE and filters deliveries; its dynamic-security plugin checks
/// subscriptions and answers a denied one with SUBACK 0x87. That refusal must reach the caller.
/// </summary>
[FailOnUnobservedTaskException]
public sealed class SubscribeRefusalTests : IAsyncLifetime
{
    private const string Plugin = "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so";
    private readonly TempDirectory _dir = new("mqtt-dynsec");
    private MosquittoServer _server = null!;

    public async Task InitializeAsync()
    {
        var salt = RandomNumberGenerator.GetBytes(12);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("bob-secret"), salt, 101, HashAlgorithmName.SHA512, 64);
        var config = _dir.Combine("dynsec.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "defaultACLAccess": { "publishClientSend": false, "publishClientReceive": false, "subscribe": false, "unsubscribe": true },
              "clients": [ { "username": "bob", "password": "{{Convert.ToBase64String(hash)}}", "salt": "{{Convert.ToBase64String(salt)}}",
                             "iterations": 101, "roles": [ { "rolename": "r" } ] } ],
              "groups": [],
              "roles": [ { "rolename": "r", "acls": [
                { "acltype": "subscribePattern", "topic": "allowed/#", "allow": true },
                { "acltype": "publishClientReceive", "topic": "allowed/#", "allow": true },
                { "acltype": "publishClientSend", "topic": "allowed/#", "allow": true } ] } ]
            }
            """);
        _server = await MosquittoServer.StartAsync(
            new MosquittoServerOptions
            {
                DataDirectory = _dir.Combine("broker"),
                AllowAnonymous = false,
                Persistence = false,
                ExtraConfig = $"plugin {Plugin}\nplugin_opt_config_file {config}",
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task SubscribeAsync_HashDenied_ThrowsMqttSubscribeException0x87_AndAllowedFilterStillWorks()
    {
        var sink = new MessageSink();
        await using var bob = await ConnectAsync(Options(_server, sink: sink) with { Username = "bob", Password = "bob-secret" });

        var refused = await Assert.ThrowsAsync<MqttSubscribeException>(() => bob.SubscribeAsync("#", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait));
        await bob.SubscribeAsync("allowed/#", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await bob.PublishAsync("allowed/x", Utf8("ok"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(0x87, refused.ReasonCode);
        Assert.Contains("'#'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Not authorized", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await sink.WaitForTopicAsync("allowed/x"));
        Assert.True(bob.IsConnected);
    }
}
