namespace LiveRoom.Mqtt;

/// <summary>Helpers over <see cref="IMqttClient"/> shared by the hosts.</summary>
public static class MqttClientExtensions
{
    /// <summary>
    /// Connects, retrying while the broker is unreachable or refuses: the delay starts at <paramref name="minDelay"/>
    /// and doubles up to <paramref name="maxDelay"/>; <paramref name="retrying"/> is told each failure and the wait
    /// (a service that starts before its broker logs it and waits). Only cancellation ends it early.
    /// </summary>
    public static async Task ConnectUntilConnectedAsync(
        this IMqttClient client,
        TimeSpan minDelay,
        TimeSpan maxDelay,
        Action<MqttConnectException, TimeSpan> retrying,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(retrying);
        var delay = minDelay;
        while (true)
        {
            try
            {
                await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (MqttConnectException ex)
            {
                retrying(ex, delay);
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, maxDelay.Ticks));
        }
    }

    /// <summary>
    /// Publishes a retained QoS 1 message once the session is connected (another loop connects it), retrying every
    /// <paramref name="retryDelay"/> while it is not or a publish fails (<paramref name="failed"/> is told each
    /// failure), until it goes through. <paramref name="payload"/> is made anew for every attempt, so a retry sends the
    /// latest state. Only cancellation ends it early.
    /// </summary>
    public static async Task PublishRetainedUntilSentAsync(
        this IMqttClient client,
        string topic,
        Func<ReadOnlyMemory<byte>> payload,
        TimeSpan retryDelay,
        Action<MqttException> failed,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(failed);
        while (true)
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.PublishAsync(topic, payload(), MqttQos.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (MqttException ex)
                {
                    failed(ex);
                }
            }

            await Task.Delay(retryDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Calls <paramref name="connected"/> after every connect and reconnect of the session until the result is disposed.</summary>
    public static IDisposable OnConnected(this IMqttClient client, Action connected)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(connected);
        return new ConnectedHandler(client, connected);
    }

    private sealed class ConnectedHandler : IDisposable
    {
        private readonly IMqttClient _client;
        private readonly Action _connected;

        public ConnectedHandler(IMqttClient client, Action connected)
        {
            _client = client;
            _connected = connected;
            client.ConnectionChanged += OnChanged;
        }

        public void Dispose() => _client.ConnectionChanged -= OnChanged;

        private void OnChanged(object? sender, MqttConnectionChangedEventArgs e)
        {
            if (e.Connected)
            {
                _connected();
            }
        }
    }
}
