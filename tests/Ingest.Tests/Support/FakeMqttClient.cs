using System.Collections.Concurrent;
using LiveRoom.Mqtt;

namespace LiveRoom.Ingest.Tests.Support;

/// <summary>An in-memory <see cref="IMqttClient"/>: tests deliver messages to the handler and read what was published.</summary>
internal sealed class FakeMqttClient(MqttClientOptions options) : IMqttClient
{
    public MqttClientOptions Options { get; } = options;

    public bool IsConnected { get; private set; }

    public event EventHandler<MqttConnectionChangedEventArgs>? ConnectionChanged;

    public ConcurrentQueue<MqttMessage> Published { get; } = new();

    public ConcurrentQueue<string> Subscriptions { get; } = new();

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        IsConnected = true;
        ConnectionChanged?.Invoke(this, new MqttConnectionChangedEventArgs(true, 0, null));
        return Task.CompletedTask;
    }

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain, CancellationToken cancellationToken)
    {
        Published.Enqueue(new MqttMessage(topic, payload.ToArray(), qos, retain));
        return Task.CompletedTask;
    }

    public Task SubscribeAsync(string filter, MqttQos qos, CancellationToken cancellationToken)
    {
        Subscriptions.Enqueue(filter);
        return Task.CompletedTask;
    }

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        IsConnected = false;
        return Task.CompletedTask;
    }

    /// <summary>Delivers a message as the dispatcher would (in order, awaited).</summary>
    public ValueTask DeliverAsync(string topic, string payload) =>
        Options.OnMessage!(new MqttMessage(topic, System.Text.Encoding.UTF8.GetBytes(payload), MqttQos.AtLeastOnce, false), CancellationToken.None);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
