using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Acking;

/// <summary>
/// Publishes <see cref="AckMessage"/> retained at QoS 1 on <see cref="Topic.Ack"/> for every edge whose acknowledgement
/// advanced: right after a flush is confirmed, and then at most once per <c>AckInterval</c> (coalesced).
/// While the broker is unreachable the changes wait and go out after reconnecting.
/// </summary>
internal sealed class AckPublisher(AckTracker tracker, IngestCounters counters, TimeSpan interval, ILogger logger, TimeProvider time)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(30);

    private readonly Signal _signal = new();

    public IMqttClient? Client { get; set; }

    /// <summary>Something was stored or the connection came back.</summary>
    public void Wake() => _signal.Set();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            await PublishChangedAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes every changed acknowledgement now and waits for the broker's PUBACKs.</summary>
    public async Task PublishChangedAsync(CancellationToken cancellationToken)
    {
        var client = Client;
        if (client is null || !client.IsConnected)
        {
            return;
        }

        var changed = tracker.TakeChanged();
        if (changed.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var publishes = new Task[changed.Count];
        for (var i = 0; i < changed.Count; i++)
        {
            publishes[i] = PublishAsync(client, changed[i].Key, changed[i].Value, now, cancellationToken);
        }

        await Task.WhenAll(publishes).ConfigureAwait(false);
    }

    private async Task PublishAsync(IMqttClient client, EdgeKey edge, long seq, long now, CancellationToken cancellationToken)
    {
        var topic = Topic.Ack(edge.Site, edge.Room);
        try
        {
            var ack = new AckMessage { V = SchemaVersion.Current, Site = edge.Site, Room = edge.Room, Edge = edge.Edge, Seq = seq, Ts = now };
            var json = JsonSerializer.SerializeToUtf8Bytes(ack, ContractsJsonContext.Default.AckMessage);
            await client.PublishAsync(topic, json, MqttQos.AtLeastOnce, retain: true, cancellationToken)
                .WaitAsync(PublishTimeout, time, cancellationToken).ConfigureAwait(false);
            counters.AckPublished();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            tracker.MarkChanged(edge);
        }
        catch (Exception ex)
        {
            tracker.MarkChanged(edge);
            IngestLog.PublishFailed(logger, topic, ex);
        }
    }
}
