using System.Collections.Concurrent;
using LiveRoom.Mqtt;

namespace LiveRoom.Probe.Tests.Publishing;

/// <summary>
/// An in-memory <see cref="IMqttClient"/> for deterministic publisher tests with a fake clock: records publishes,
/// lets the test decide when PUBACKs arrive and when the connection goes up or down. (The real client is covered by
/// <see cref="OutboxPublisherTests"/> against Mosquitto.)
/// </summary>
internal sealed class RecordingMqttClient : IMqttClient
{
    private readonly ConcurrentQueue<(string Topic, byte[] Payload, TaskCompletionSource Ack)> _published = new();
    private volatile bool _connected;

    public bool AutoAck { get; set; } = true;

    public bool IsConnected => _connected;

    public event EventHandler<MqttConnectionChangedEventArgs>? ConnectionChanged;

    public IReadOnlyList<(string Topic, byte[] Payload, TaskCompletionSource Ack)> Published => [.. _published];

    /// <summary>Most publishes ever awaiting their PUBACK at the moment of a new publish (including it).</summary>
    public int MaxOutstanding { get; private set; }

    public void SetConnected(bool connected)
    {
        _connected = connected;
        ConnectionChanged?.Invoke(this, new MqttConnectionChangedEventArgs(connected, 0, null));
    }

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        SetConnected(true);
        return Task.CompletedTask;
    }

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain, CancellationToken cancellationToken)
    {
        var ack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _published.Enqueue((topic, payload.ToArray(), ack));
        MaxOutstanding = Math.Max(MaxOutstanding, _published.Count(p => !p.Ack.Task.IsCompleted));
        if (AutoAck)
        {
            ack.SetResult();
        }

        return ack.Task;
    }

    public Task SubscribeAsync(string filter, MqttQos qos, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        SetConnected(false);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
