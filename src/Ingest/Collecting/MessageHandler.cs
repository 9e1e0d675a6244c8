using System.Threading.Channels;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Mqtt;

namespace LiveRoom.Ingest.Collecting;

/// <summary>
/// Runs on the MQTT dispatcher for every message and only queues it: parsing, validation and encoding happen on the
/// writer's workers, in parallel, so the dispatcher never waits for anything but a full queue (back-pressure).
/// </summary>
internal sealed class MessageHandler(ChannelWriter<MqttMessage> queue, IngestCounters counters)
{
    public async ValueTask HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        counters.MessageReceived();
        try
        {
            if (!queue.TryWrite(message))
            {
                await queue.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ChannelClosedException)
        {
            // Stopping: the edge re-sends whatever stays unacknowledged.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
