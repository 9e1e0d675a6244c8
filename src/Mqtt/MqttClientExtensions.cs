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
}
