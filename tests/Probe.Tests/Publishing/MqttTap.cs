using System.Collections.Concurrent;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Mqtt;

namespace LiveRoom.Probe.Tests.Publishing;

/// <summary>A real MQTT client standing in for the collector: records what the edge publishes, and publishes acks.</summary>
internal sealed class MqttTap : IAsyncDisposable
{
    private readonly ConcurrentQueue<MqttMessage> _messages = new();

    private MqttTap(MosquittoClient client) => Client = client;

    public MosquittoClient Client { get; }

    public IReadOnlyList<MqttMessage> Messages => [.. _messages];

    public static async Task<MqttTap> StartAsync(string host, int port, string filter)
    {
        MqttTap? tap = null;
        var client = new MosquittoClient(new MqttClientOptions
        {
            Host = host,
            Port = port,
            ClientId = "tap-" + Guid.NewGuid().ToString("N")[..8],
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
            OnMessage = (m, _) =>
            {
                tap!._messages.Enqueue(m);
                return ValueTask.CompletedTask;
            },
        });
        tap = new MqttTap(client);
        await client.ConnectAsync(CancellationToken.None);
        await client.SubscribeAsync(filter, MqttQos.AtLeastOnce, CancellationToken.None);
        return tap;
    }

    public List<(string Topic, MetricBatch Batch, int Bytes)> Batches() =>
        // Only what carries points: metrics/…, events, checklist (not status, ack, state, display, cmd/…).
        Messages.Where(m => m.Topic.Split('/') is [_, _, _, _, "metrics" or "events" or "checklist", ..])
            .Select(m => (m.Topic, JsonSerializer.Deserialize(m.Payload.Span, ContractsJsonContext.Default.MetricBatch)!, m.Payload.Length))
            .ToList();

    public HashSet<long> SeqsReceived() => [.. Batches().SelectMany(b => b.Batch.Points).Select(p => p.Seq)];

    /// <summary>Every metrics/events message passes the collector's validation (src/Contracts).</summary>
    public void AssertAllAcceptedByCollector()
    {
        foreach (var m in Messages.Where(m => m.Topic.Contains("/metrics/", StringComparison.Ordinal) || m.Topic.EndsWith("/events", StringComparison.Ordinal)))
        {
            Assert.True(Contracts.Topics.ParsedTopic.TryParse(m.Topic, out var parsed, out var why), why);
            Assert.True(
                Contracts.Validation.PayloadValidator.TryParseBatch(parsed, m.Payload.Span, DateTimeOffset.UtcNow, out _, out var rejection),
                $"{m.Topic}: {rejection}");
        }
    }

    public Task AckAsync(string topic, string edge, long seq) =>
        Client.PublishAsync(
            topic,
            JsonSerializer.SerializeToUtf8Bytes(
                new AckMessage { V = SchemaVersion.Current, Site = "s1", Room = "r1", Edge = edge, Seq = seq, Ts = 0 },
                ContractsJsonContext.Default.AckMessage),
            MqttQos.AtLeastOnce,
            retain: true,
            CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
    }
}
