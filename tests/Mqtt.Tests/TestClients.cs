using System.Text;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Services;

namespace LiveRoom.Mqtt.Tests;

internal static class TestClients
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public static MqttClientOptions Options(MosquittoServer server, string? clientId = null, MessageSink? sink = null) => new()
    {
        Host = server.Host,
        Port = server.Port,
        ClientId = clientId ?? "t-" + Guid.NewGuid().ToString("N")[..12],
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        OnMessage = sink is null ? null : sink.Handle,
    };

    public static async Task<MosquittoClient> ConnectAsync(MqttClientOptions options)
    {
        var client = new MosquittoClient(options);
        try
        {
            await client.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(MqttMessage message) => Encoding.UTF8.GetString(message.Payload.Span);
}
