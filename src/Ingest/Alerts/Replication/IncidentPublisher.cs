using System.Threading.Channels;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Alerts.Replication;

/// <summary>
/// Publishes the active collector's incident records for its standbys (<see cref="IncidentCopy"/>, retained, QoS 1)
/// through the heartbeat's session: every record at start and after each reconnect (a broker restarted from an older
/// snapshot may have lost retained messages), then each record again whenever its timeline grows. A failed publish is retried until it goes
/// through or the collector stops.
/// </summary>
internal sealed class IncidentPublisher(IMqttClient client, IncidentLog incidents, string instance, ILogger logger, TimeProvider time)
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(500);
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Asks for the record of <paramref name="alertId"/> to be published again (never blocks).</summary>
    public void Changed(string alertId) => _changed.Writer.TryWrite(alertId);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        client.ConnectionChanged += OnConnectionChanged;
        try
        {
            ChangedAll();
            await PublishChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            client.ConnectionChanged -= OnConnectionChanged;
        }
    }

    private void ChangedAll()
    {
        foreach (var incident in incidents.Query(new IncidentFilter()))
        {
            Changed(incident.Alert.Id);
        }
    }

    // A broker restarted without its latest snapshot may have lost retained records: send them all again.
    private void OnConnectionChanged(object? sender, MqttConnectionChangedEventArgs e)
    {
        if (e.Connected)
        {
            ChangedAll();
        }
    }

    private async Task PublishChangesAsync(CancellationToken cancellationToken)
    {

        // Changes that come while others are published are sent once each, as their latest record.
        var due = new List<string>();
        var queued = new HashSet<string>(StringComparer.Ordinal);
        while (await _changed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (_changed.Reader.TryRead(out var id))
            {
                if (queued.Add(id))
                {
                    due.Add(id);
                }
            }

            foreach (var id in due)
            {
                while (!await TryPublishAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    await Task.Delay(Retry, time, cancellationToken).ConfigureAwait(false);
                }
            }

            due.Clear();
            queued.Clear();
        }
    }

    private async Task<bool> TryPublishAsync(string alertId, CancellationToken cancellationToken)
    {
        if (incidents.Get(alertId) is not { } incident)
        {
            return true;
        }

        // The heartbeat loop connects the session; until then (the broker may be down) wait.
        if (!client.IsConnected)
        {
            return false;
        }

        try
        {
            await client.PublishAsync(IncidentCopy.TopicOf(alertId), IncidentCopy.ToJson(incident, instance), MqttQos.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MqttException ex)
        {
            AlertLog.IncidentPublishFailed(logger, alertId, ex.Message);
            return false;
        }
    }
}
