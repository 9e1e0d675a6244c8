using LiveRoom.Testing;
using static LiveRoom.Mqtt.Tests.TestClients;

namespace LiveRoom.Mqtt.Tests;

/// <summary>The link between client and broker cut and restored (a <see cref="TcpRelay"/> on loopback).</summary>
[FailOnUnobservedTaskException]
public sealed class NetworkCutTests(MosquittoFixture broker) : IClassFixture<MosquittoFixture>
{
    [Fact]
    public async Task PublishAsync_DuringCut_AllQos1AcknowledgedAfterRestoreAndDeliveredOnceInOrder()
    {
        var sink = new MessageSink();
        await using var subscriber = await ConnectAsync(Options(broker.Server, sink: sink));
        await subscriber.SubscribeAsync("cut/data", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        var relay = new TcpRelay(broker.Server.Port);
        await using var edge = await ConnectAsync(Options(broker.Server) with { Port = relay.Port });
        // Disposed before the client: TcpRelay.Cut throws on a pair the client already closed.
        await using var relayLifetime = relay;

        relay.Cut();
        await Eventually.WaitAsync(() => !edge.IsConnected, Wait, "the edge to notice the cut");
        var tasks = Enumerable.Range(0, 100)
            .Select(i => edge.PublishAsync("cut/data", BitConverter.GetBytes(i), MqttQos.AtLeastOnce, false, CancellationToken.None))
            .ToList();
        Assert.DoesNotContain(tasks, t => t.IsCompleted);
        relay.Restore();

        await Task.WhenAll(tasks).WaitAsync(Wait);
        await edge.PublishAsync("cut/data", BitConverter.GetBytes(-1), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        var received = await sink.WaitForAsync(ms => ms.Any(m => BitConverter.ToInt32(m.Payload.Span) == -1), "the marker");
        Assert.Equal([.. Enumerable.Range(0, 100), -1], received.Select(m => BitConverter.ToInt32(m.Payload.Span)));
    }

    [Fact]
    public async Task Reconnect_PersistentSession_KeepsSessionExpirySoTheBrokerQueuesAcrossASecondCut()
    {
        // If a reconnect dropped the v5 Session Expiry Interval (as mosquitto_reconnect does), the broker would
        // end the session at the second cut and the message published then would be lost.
        var sink = new MessageSink();
        var relay = new TcpRelay(broker.Server.Port);
        var persistentOptions = Options(broker.Server, "expiry-" + Guid.NewGuid().ToString("N")[..8], sink) with
        {
            Port = relay.Port,
            CleanStart = false,
            SessionExpiry = TimeSpan.FromMinutes(10),
        };
        await using var persistent = await ConnectAsync(persistentOptions);
        await persistent.SubscribeAsync("expiry/data", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await using var publisher = await ConnectAsync(Options(broker.Server));
        await using var relayLifetime = relay;

        relay.Cut();
        await Eventually.WaitAsync(() => !persistent.IsConnected, Wait, "the first cut");
        relay.Restore();
        await Eventually.WaitAsync(() => persistent.IsConnected, Wait, "the reconnect");
        relay.Cut();
        await Eventually.WaitAsync(() => !persistent.IsConnected, Wait, "the second cut");
        await publisher.PublishAsync("expiry/data", Utf8("queued for the session"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        relay.Restore();

        var message = Assert.Single(await sink.WaitForTopicAsync("expiry/data"));
        Assert.Equal("queued for the session", Text(message));
    }

    [Fact]
    public async Task PublishAsync_TopicWithWildcard_FaultsWithLibraryErrorWithoutHanging()
    {
        await using var client = await ConnectAsync(Options(broker.Server));

        var error = await Assert.ThrowsAsync<MqttPublishException>(
            () => client.PublishAsync("bad/+/topic", Utf8("x"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait));

        Assert.Equal(-1, error.ReasonCode);
        Assert.Equal(3, error.LibraryError);
        Assert.Contains("bad/+/topic", error.Message, StringComparison.Ordinal);
        Assert.True(client.IsConnected);
    }
}
