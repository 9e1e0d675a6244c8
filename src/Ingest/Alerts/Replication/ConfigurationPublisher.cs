using System.Threading.Channels;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Alerts.Replication;

/// <summary>
/// Publishes the active collector's <see cref="AlertConfiguration"/> retained on
/// <see cref="AlertDefaults.ConfigurationTopic"/> at start, after each reconnect and after every change (changes that come while one is
/// being published are sent together, as the latest configuration), through the heartbeat's session. A failed
/// publish is retried until it goes through or the collector stops.
/// </summary>
internal sealed class ConfigurationPublisher(IMqttClient client, Func<AlertConfiguration> configuration, ILogger logger, TimeProvider time)
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(500);
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for the configuration to be published again (never blocks).</summary>
    public void Changed() => _changed.Writer.TryWrite(true);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        client.ConnectionChanged += OnConnectionChanged;
        try
        {
            Changed();
            while (await _changed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _changed.Reader.TryRead(out _);
                while (!await TryPublishAsync(cancellationToken).ConfigureAwait(false))
                {
                    await Task.Delay(Retry, time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            client.ConnectionChanged -= OnConnectionChanged;
        }
    }

    // A broker restarted without its latest snapshot may have lost the retained configuration: send it again.
    private void OnConnectionChanged(object? sender, MqttConnectionChangedEventArgs e)
    {
        if (e.Connected)
        {
            Changed();
        }
    }

    private async Task<bool> TryPublishAsync(CancellationToken cancellationToken)
    {
        // The heartbeat loop connects the session; until then (the broker may be down) wait.
        if (!client.IsConnected)
        {
            return false;
        }

        try
        {
            var snapshot = configuration();
            await client.PublishAsync(AlertDefaults.ConfigurationTopic, snapshot.ToJson(), MqttQos.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
            AlertLog.ConfigurationPublished(logger, snapshot.Revision);
            return true;
        }
        catch (MqttException ex)
        {
            AlertLog.ConfigurationPublishFailed(logger, ex.Message);
            return false;
        }
    }
}
