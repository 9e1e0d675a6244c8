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
        // A broker restarted without its latest snapshot may have lost the retained configuration: send it again.
        using var reconnects = client.OnConnected(Changed);
        Changed();
        while (await _changed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _changed.Reader.TryRead(out _);
            AlertConfiguration? sent = null;
            await client.PublishRetainedUntilSentAsync(
                AlertDefaults.ConfigurationTopic,
                () => (sent = configuration()).ToJson(),
                Retry,
                ex => AlertLog.ConfigurationPublishFailed(logger, ex.Message),
                time,
                cancellationToken).ConfigureAwait(false);
            AlertLog.ConfigurationPublished(logger, sent!.Revision);
        }
    }
}
