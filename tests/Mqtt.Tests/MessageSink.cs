using System.Collections.Concurrent;
using LiveRoom.Mqtt;

namespace LiveRoom.Mqtt.Tests;

/// <summary>Collects received messages; tests wait on a predicate with a deadline instead of sleeping.</summary>
internal sealed class MessageSink
{
    private readonly ConcurrentQueue<MqttMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<MqttMessage> Messages => [.. _messages];

    public ValueTask Handle(MqttMessage message, CancellationToken cancellationToken)
    {
        _messages.Enqueue(message);
        _arrived.Release();
        return ValueTask.CompletedTask;
    }

    public async Task<IReadOnlyList<MqttMessage>> WaitForAsync(Func<IReadOnlyList<MqttMessage>, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var snapshot = Messages;
            if (done(snapshot))
            {
                return snapshot;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"timed out waiting for {what}; received {snapshot.Count}: {string.Join(", ", snapshot.Select(m => m.Topic))}");
            }

            await _arrived.WaitAsync(left);
        }
    }

    public Task<IReadOnlyList<MqttMessage>> WaitForTopicAsync(string topic) =>
        WaitForAsync(ms => ms.Any(m => m.Topic == topic), $"a message on {topic}");
}
