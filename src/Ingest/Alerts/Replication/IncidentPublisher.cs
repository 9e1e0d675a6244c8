using System.Threading.Channels;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Alerts.Replication;

/// <summary>
/// Publishes the active collector's incident records for its standbys (<see cref="IncidentCopy"/>, retained, QoS 1)
/// through the heartbeat's session: the records of the copy window (<see cref="AlertOptions.IncidentCopyDays"/>, by when
/// they fired) and every one still open, at start and after each reconnect (a broker restarted from an older snapshot
/// may have lost retained messages), then each record again whenever its timeline grows. A record that has left the
/// window is cleared from the broker (an empty retained message) at start and once a day, so the broker and a standby
/// that connects handle a bounded set however long the studio runs. A failed publish is retried until it goes
/// through or the collector stops.
/// </summary>
internal sealed class IncidentPublisher(IMqttClient client, IncidentLog incidents, string instance, TimeSpan window, ILogger logger, TimeProvider time)
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(500);

    // Records that left the window this long ago or less are cleared (a collector down for a while catches up).
    private static readonly TimeSpan ClearBack = TimeSpan.FromDays(30);
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Asks for the record of <paramref name="alertId"/> to be published again (never blocks).</summary>
    public void Changed(string alertId) => _changed.Writer.TryWrite(alertId);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A broker restarted without its latest snapshot may have lost retained records: send the window again.
        using var reconnects = client.OnConnected(ChangedAll);
        ChangedAll();
        ClearExpired();
        await Task.WhenAll(PublishChangesAsync(cancellationToken), ClearDailyAsync(cancellationToken)).ConfigureAwait(false);
    }

    private static bool IsOpen(Incident i) => i.Alert.State is Lifecycle.AlertState.Pending or Lifecycle.AlertState.Firing or Lifecycle.AlertState.Acknowledged;

    private bool InWindow(Incident i) => IsOpen(i) || (i.Alert.FiredAt ?? i.Alert.Since) >= time.GetUtcNow() - window;

    private void ChangedAll()
    {
        foreach (var incident in incidents.Query(new IncidentFilter()).Where(InWindow))
        {
            Changed(incident.Alert.Id);
        }
    }

    private void ClearExpired()
    {
        var edge = time.GetUtcNow() - window;
        foreach (var incident in incidents.Query(new IncidentFilter(From: edge - ClearBack, To: edge)).Where(i => !IsOpen(i)))
        {
            Changed(incident.Alert.Id);
        }
    }

    private async Task ClearDailyAsync(CancellationToken cancellationToken)
    {
        using var daily = new PeriodicTimer(TimeSpan.FromDays(1), time);
        while (await daily.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            ClearExpired();
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
                // Out of the window: an empty retained message removes the broker's copy (standbys keep theirs).
                await client.PublishRetainedUntilSentAsync(
                    IncidentCopy.TopicOf(id),
                    () => incidents.Get(id) is { } incident && InWindow(incident) ? IncidentCopy.ToJson(incident, instance) : [],
                    Retry,
                    ex => AlertLog.IncidentPublishFailed(logger, id, ex.Message),
                    time,
                    cancellationToken).ConfigureAwait(false);
            }

            due.Clear();
            queued.Clear();
        }
    }
}
