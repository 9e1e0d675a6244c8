using System.Threading.Channels;
using LiveRoom.Contracts.Topics;
using LiveRoom.Contracts.Validation;
using LiveRoom.Ingest.Acking;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Collecting;

/// <summary>
/// Runs on the MQTT dispatcher for every message: topic and payload checks, then the batch goes to the writer's
/// queue (waiting only when the queue is full: back-pressure, never HTTP). A refusal is counted per reason, logged
/// rate-limited and dead-lettered; anything unexpected is caught, counted and dead-lettered (STYLE.md rule 11).
/// </summary>
internal sealed class MessageHandler(
    ChannelWriter<ReceivedBatch> queue,
    IngestCounters counters,
    DeadLetterPublisher deadLetters,
    RejectionLog rejections,
    ILogger logger,
    TimeProvider time)
{
    public async ValueTask HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        counters.MessageReceived();
        try
        {
            if (!ParsedTopic.TryParse(message.Topic, out var topic, out var why))
            {
                Reject(message, new Rejection(RejectReason.BadTopic, why));
                return;
            }

            if (topic.Channel is not (TopicChannel.Metrics or TopicChannel.Events or TopicChannel.Checklist))
            {
                // status, state, display, ack (our own), cmd: not stored.
                counters.MessageIgnored();
                return;
            }

            if (!PayloadValidator.TryParseBatch(topic, message.Payload.Span, time.GetUtcNow(), out var batch, out var rejection))
            {
                Reject(message, rejection);
                return;
            }

            if (CollectorRules.Check(batch) is { } refused)
            {
                Reject(message, refused);
                return;
            }

            counters.PointsReceived(batch.Points.Count);
            var received = new ReceivedBatch(new EdgeKey(batch.Site, batch.Room, batch.Edge), batch);
            if (!queue.TryWrite(received))
            {
                await queue.WriteAsync(received, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ChannelClosedException)
        {
            // Stopping: the edge re-sends whatever stays unacknowledged.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            counters.Failure();
            IngestLog.MessageFailed(logger, message.Topic, ex);
            deadLetters.Failed(message.Topic, message.Payload, ex);
        }
    }

    private void Reject(MqttMessage message, Rejection rejection)
    {
        counters.Rejected(rejection.Code);
        rejections.Log(message.Topic, rejection);
        deadLetters.Rejected(message.Topic, message.Payload, rejection);
    }
}
