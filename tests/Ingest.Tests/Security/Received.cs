using System.Collections.Concurrent;
using LiveRoom.Mqtt;

namespace LiveRoom.Ingest.Tests.Security;

/// <summary>Messages a client received; waits on a predicate with a deadline.</summary>
internal sealed class Received
{
    private readonly ConcurrentQueue<MqttMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<string> Topics => [.. _messages.Select(m => m.Topic)];

    /// <summary>The payload of the latest message on <paramref name="topic"/>.</summary>
    public ReadOnlyMemory<byte> Last(string topic) => _messages.Last(m => m.Topic == topic).Payload;

    public ValueTask Handle(MqttMessage message, CancellationToken cancellationToken)
    {
        _messages.Enqueue(message);
        _arrived.Release();
        return ValueTask.CompletedTask;
    }

    public async Task<IReadOnlyList<string>> WaitForTopicAsync(string topic)
    {
        var deadline = DateTime.UtcNow + SecuredBroker.Wait;
        while (!Topics.Contains(topic))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no message on {topic}; got: {string.Join(", ", Topics)}");
            }

            await _arrived.WaitAsync(left);
        }

        return Topics;
    }
}
