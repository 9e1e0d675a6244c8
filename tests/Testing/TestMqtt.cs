using System.Collections.Concurrent;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Services;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Testing;

/// <summary>A plain MQTT client on the test broker, standing in for an edge or a watcher, recording what it receives.</summary>
public sealed class TestMqtt : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<MqttMessage> _received = new();
    private MosquittoClient _client = null!;

    public IReadOnlyList<MqttMessage> Received => _received.ToArray();

    public static async Task<TestMqtt> ConnectAsync(MosquittoServer server, params string[] filters)
    {
        var mqtt = new TestMqtt();
        mqtt._client = new MosquittoClient(
            new MqttClientOptions
            {
                Host = server.Host,
                Port = server.Port,
                ClientId = "test-" + Guid.NewGuid().ToString("N")[..8],
                OnMessage = (m, _) =>
                {
                    mqtt._received.Enqueue(m);
                    return ValueTask.CompletedTask;
                },
            },
            NullLogger<MosquittoClient>.Instance);
        await mqtt._client.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        foreach (var filter in filters)
        {
            await mqtt._client.SubscribeAsync(filter, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        }

        return mqtt;
    }

    public Task PublishAsync(string topic, byte[] payload, bool retain) =>
        _client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain, CancellationToken.None).WaitAsync(Wait);

    public async Task<MqttMessage> WaitForAsync(Func<MqttMessage, bool> match, string what)
    {
        await Eventually.WaitAsync(() => _received.Any(match), Wait, what);
        return _received.Last(match);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(CancellationToken.None).WaitAsync(Wait);
        }

        await _client.DisposeAsync();
    }
}
