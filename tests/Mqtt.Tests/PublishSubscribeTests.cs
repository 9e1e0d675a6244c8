using LiveRoom.Testing;
using static LiveRoom.Mqtt.Tests.TestClients;

namespace LiveRoom.Mqtt.Tests;

[FailOnUnobservedTaskException]
public sealed class PublishSubscribeTests(MosquittoFixture broker) : IClassFixture<MosquittoFixture>
{
    [Fact]
    public async Task PublishAsync_Qos1ToSubscribedTopic_DeliversTopicPayloadAndQos()
    {
        var sink = new MessageSink();
        await using var subscriber = await ConnectAsync(Options(broker.Server, sink: sink));
        await using var publisher = await ConnectAsync(Options(broker.Server));
        await subscriber.SubscribeAsync("rt/+/data", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);

        await publisher.PublishAsync("rt/room1/data", Utf8("hello ünïcode"), MqttQos.AtLeastOnce, retain: false, CancellationToken.None).WaitAsync(Wait);

        var messages = await sink.WaitForTopicAsync("rt/room1/data");
        var message = Assert.Single(messages);
        Assert.Equal("hello ünïcode", Text(message));
        Assert.Equal(MqttQos.AtLeastOnce, message.Qos);
        Assert.False(message.Retain);
        Assert.True(subscriber.IsConnected);
    }

    [Fact]
    public async Task PublishAsync_RetainedQos0_NewSubscriberGetsItAsRetained()
    {
        var topic = "retained/" + Guid.NewGuid().ToString("N");
        await using (var publisher = await ConnectAsync(Options(broker.Server)))
        {
            await publisher.PublishAsync(topic, Utf8("kept"), MqttQos.AtMostOnce, retain: true, CancellationToken.None).WaitAsync(Wait);
            await publisher.DisconnectAsync(CancellationToken.None).WaitAsync(Wait);
        }

        var sink = new MessageSink();
        await using var subscriber = await ConnectAsync(Options(broker.Server, sink: sink));
        await subscriber.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);

        var message = Assert.Single(await sink.WaitForTopicAsync(topic));
        Assert.True(message.Retain);
        Assert.Equal("kept", Text(message));
    }

    [Fact]
    public async Task OnMessage_HandlerThrows_LaterMessagesStillDeliveredAndFailureCounted()
    {
        var received = new List<string>();
        var allThree = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options(broker.Server) with
        {
            OnMessage = (message, _) =>
            {
                var text = Text(message);
                received.Add(text);
                if (text == "bad")
                {
                    throw new InvalidOperationException("handler failure under test");
                }

                if (received.Count == 3)
                {
                    allThree.TrySetResult();
                }

                return ValueTask.CompletedTask;
            },
        };
        await using var subscriber = await ConnectAsync(options);
        await using var publisher = await ConnectAsync(Options(broker.Server));
        await subscriber.SubscribeAsync("handler/x", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);

        foreach (var text in new[] { "first", "bad", "third" })
        {
            await publisher.PublishAsync("handler/x", Utf8(text), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        }

        await allThree.Task.WaitAsync(Wait);
        Assert.Equal(["first", "bad", "third"], received);
        Assert.Equal(1, subscriber.HandlerFailures);
    }

    [Fact]
    public async Task PublishAsync_20000Qos1Messages_AllAcknowledgedAndAllDeliveredInOrder()
    {
        const int count = 20_000;
        var sink = new MessageSink();
        await using var subscriber = await ConnectAsync(Options(broker.Server, sink: sink) with { MaxInflight = 1000 });
        await using var publisher = await ConnectAsync(Options(broker.Server) with { MaxInflight = 1000 });
        await subscriber.SubscribeAsync("load/x", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);

        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            tasks[i] = publisher.PublishAsync("load/x", BitConverter.GetBytes(i), MqttQos.AtLeastOnce, false, CancellationToken.None);
        }

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.All(tasks, t => Assert.True(t.IsCompletedSuccessfully));

        var messages = await sink.WaitForAsync(ms => ms.Count >= count, $"{count} messages", TimeSpan.FromMinutes(2));
        Assert.Equal(count, messages.Count);
        Assert.Equal(Enumerable.Range(0, count), messages.Select(m => BitConverter.ToInt32(m.Payload.Span)));
    }

    [Fact]
    public async Task SubscribeAsync_BeforeConnect_IsSentWithConnectAndCompletesOnSuback()
    {
        var sink = new MessageSink();
        await using var subscriber = new MosquittoClient(Options(broker.Server, sink: sink));
        var subscribed = subscriber.SubscribeAsync("early/x", MqttQos.AtLeastOnce, CancellationToken.None);
        Assert.False(subscribed.IsCompleted);

        await subscriber.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await subscribed.WaitAsync(Wait);
        await using var publisher = await ConnectAsync(Options(broker.Server));
        await publisher.PublishAsync("early/x", Utf8("1"), MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        Assert.Single(await sink.WaitForTopicAsync("early/x"));
    }
}
