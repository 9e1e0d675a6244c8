using LiveRoom.Testing;
using static LiveRoom.Mqtt.Tests.TestClients;

namespace LiveRoom.Mqtt.Tests;

[FailOnUnobservedTaskException]
public sealed class LifetimeTests(MosquittoFixture broker) : IClassFixture<MosquittoFixture>
{
    [Fact]
    public async Task DisposeAsync_ConnectedClient_StopsNativeThreadAndFaultsPendingPublish()
    {
        var client = new MosquittoClient(Options(broker.Server));
        Assert.True(client.IsLoopThreadAlive);
        // Never connected: libmosquitto queues the QoS 1 message and it can only wait.
        var pending = client.PublishAsync("life/x", Utf8("never sent"), MqttQos.AtLeastOnce, false, CancellationToken.None);

        await client.DisposeAsync();

        Assert.False(client.IsLoopThreadAlive);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.PublishAsync("life/x", Utf8("late"), MqttQos.AtMostOnce, false, CancellationToken.None));
    }

    [Fact]
    public async Task DisconnectAsync_ThenConnectAgain_RaisesEventsOffTheNativeThread()
    {
        var events = new List<(bool Connected, string? Thread)>();
        var client = new MosquittoClient(Options(broker.Server));
        await using var _ = client;
        var threeEvents = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionChanged += (_, e) =>
        {
            lock (events)
            {
                events.Add((e.Connected, Thread.CurrentThread.Name));
                if (events.Count == 3)
                {
                    threeEvents.TrySetResult();
                }
            }
        };

        await client.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await client.DisconnectAsync(CancellationToken.None).WaitAsync(Wait);
        Assert.False(client.IsConnected);
        await client.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        Assert.True(client.IsConnected);

        await threeEvents.Task.WaitAsync(Wait);
        Assert.Equal([true, false, true], events.Select(e => e.Connected));
        Assert.All(events, e => Assert.False(e.Thread?.StartsWith("mosquitto", StringComparison.Ordinal) ?? false));
        Assert.True(client.IsLoopThreadAlive);
    }

    [Fact]
    public async Task PublishAsync_CancelledWhileWaitingForPuback_OnlyAbandonsTheWait()
    {
        var sink = new MessageSink();
        await using var subscriber = await ConnectAsync(Options(broker.Server, sink: sink));
        await subscriber.SubscribeAsync("cancel/x", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await using var publisher = new MosquittoClient(Options(broker.Server));
        using var cts = new CancellationTokenSource();

        // Not connected yet: the message waits in libmosquitto's queue.
        var publish = publisher.PublishAsync("cancel/x", Utf8("still delivered"), MqttQos.AtLeastOnce, false, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish);
        await publisher.ConnectAsync(CancellationToken.None).WaitAsync(Wait);

        var message = Assert.Single(await sink.WaitForTopicAsync("cancel/x"));
        Assert.Equal("still delivered", Text(message));
    }

    [Fact]
    public void Constructor_KeepAliveBelowLibraryMinimum_NamesTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => new MosquittoClient(Options(broker.Server) with { KeepAlive = TimeSpan.FromSeconds(2) }));
        Assert.Contains("KeepAlive", error.Message, StringComparison.Ordinal);
    }
}
