namespace LiveRoom.Mqtt;

/// <summary>
/// An MQTT v5 client session. The implementation (MosquittoClient) binds libmosquitto;
/// callers see tasks that complete on the broker's acknowledgement and exceptions that carry the
/// broker's reason code or the library's error text.
/// </summary>
public interface IMqttClient : IAsyncDisposable
{
    /// <summary>True while the session is connected to the broker.</summary>
    bool IsConnected { get; }

    /// <summary>Raised (on a thread-pool thread, never the native one) when the connection comes up or goes down.</summary>
    event EventHandler<MqttConnectionChangedEventArgs>? ConnectionChanged;

    /// <summary>
    /// Connects and starts the background network loop (which reconnects with jittered backoff and
    /// resubscribes). Throws <see cref="MqttConnectException"/> when the first connection is refused or fails.
    /// </summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Publishes one message. For QoS 1 the task completes when the broker's PUBACK for this message id
    /// arrives, and faults with <see cref="MqttPublishException"/> (with the v5 reason code) when the broker refuses it.
    /// A QoS 1 message published while disconnected is queued by libmosquitto and sent after reconnecting:
    /// do not publish it again.
    /// </summary>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain, CancellationToken cancellationToken);

    /// <summary>
    /// Subscribes; the task completes on SUBACK and faults with <see cref="MqttSubscribeException"/> when the broker
    /// grants a failure reason (e.g. 0x87 not authorised). The subscription is renewed after every reconnect.
    /// </summary>
    Task SubscribeAsync(string filter, MqttQos qos, CancellationToken cancellationToken);

    /// <summary>Sends DISCONNECT (so no last will is published) and stops the network loop.</summary>
    Task DisconnectAsync(CancellationToken cancellationToken);
}
