using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using static LiveRoom.Mqtt.Tests.TestClients;

namespace LiveRoom.Mqtt.Tests;

/// <summary>Last will, network cuts and broker restarts, against a real broker with persistence.</summary>
[FailOnUnobservedTaskException]
public sealed class SessionTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("mqtt-session");
    private MosquittoServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = _dir.Path, Persistence = true }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Will_ConnectionCutWithoutDisconnect_BrokerPublishesIt()
    {
        var sink = new MessageSink();
        await using var watcher = await ConnectAsync(Options(_server, sink: sink));
        await watcher.SubscribeAsync("will/+/status", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await using var relay = new TcpRelay(_server.Port);
        var edgeOptions = Options(_server) with
        {
            Port = relay.Port,
            KeepAlive = TimeSpan.FromSeconds(5),
            Will = new MqttWill("will/edge1/status", Utf8("offline"), MqttQos.AtLeastOnce, Retain: false),
        };
        await using var edge = await ConnectAsync(edgeOptions);
        await edge.PublishAsync("will/edge1/status", Utf8("online"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        relay.Cut();

        var messages = await sink.WaitForAsync(ms => ms.Any(m => Text(m) == "offline"), "the last will");
        Assert.Equal(["online", "offline"], messages.Select(Text));
    }

    [Fact]
    public async Task DisconnectAsync_WithWill_WillIsNotPublished()
    {
        var sink = new MessageSink();
        await using var watcher = await ConnectAsync(Options(_server, sink: sink));
        await watcher.SubscribeAsync("bye/#", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        var edge = await ConnectAsync(Options(_server) with { Will = new MqttWill("bye/status", Utf8("offline"), MqttQos.AtLeastOnce, false) });

        await edge.DisconnectAsync(CancellationToken.None).WaitAsync(Wait);
        await edge.DisposeAsync();
        await using var other = await ConnectAsync(Options(_server));
        await other.PublishAsync("bye/marker", Utf8("marker"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        // The broker handles the DISCONNECT before the marker's connection even exists.
        var messages = await sink.WaitForTopicAsync("bye/marker");
        Assert.DoesNotContain(messages, m => m.Topic == "bye/status");
    }

    [Fact]
    public async Task BrokerRestart_ClientsReconnectResubscribe_AndQos1PublishedWhileDownArrivesExactlyOnce()
    {
        // Persistent subscriber: its session (and what the broker queues for it) survives the restart.
        var persistentSink = new MessageSink();
        await using var persistent = await ConnectAsync(Options(_server, "restart-persistent", persistentSink) with { CleanStart = false });
        await persistent.SubscribeAsync("restart/data", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        // Clean subscriber: only our resubscription after reconnect can bring its messages back.
        var cleanSink = new MessageSink();
        await using var clean = await ConnectAsync(Options(_server, sink: cleanSink));
        await clean.SubscribeAsync("restart/probe", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        var publisher = await ConnectAsync(Options(_server));
        await using var _ = publisher;
        var downs = 0;
        publisher.ConnectionChanged += (_, e) => Interlocked.Add(ref downs, e.Connected ? 0 : 1);

        await _server.StopAsync(CancellationToken.None);
        await Eventually.WaitAsync(() => !publisher.IsConnected && !clean.IsConnected, Wait, "clients to see the broker gone");
        var whileDown = publisher.PublishAsync("restart/data", Utf8("sent while down"), MqttQos.AtLeastOnce, false, CancellationToken.None);
        Assert.False(whileDown.IsCompleted);
        await _server.RestartAsync(CancellationToken.None);

        await whileDown.WaitAsync(Wait);
        await publisher.PublishAsync("restart/data", Utf8("marker"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        var received = await persistentSink.WaitForAsync(ms => ms.Any(m => Text(m) == "marker"), "the marker after the restart");
        Assert.Equal(1, received.Count(m => Text(m) == "sent while down"));

        await Eventually.WaitAsync(() => clean.IsConnected, Wait, "the clean subscriber to reconnect");
        await Eventually.WaitAsync(
            async () =>
            {
                await publisher.PublishAsync("restart/probe", Utf8("probe"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
                return cleanSink.Messages.Count;
            },
            count => count > 0,
            Wait,
            "the clean subscriber's resubscription to deliver a probe");
        Assert.True(Volatile.Read(ref downs) >= 1);
        Assert.True(publisher.IsConnected);
    }
}
