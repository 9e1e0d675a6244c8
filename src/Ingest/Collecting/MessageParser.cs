using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Contracts.Validation;
using LiveRoom.Ingest.Acking;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Collecting;

/// <summary>
/// Turns a received message into a validated batch: topic and payload checks (<see cref="PayloadValidator"/>) plus
/// <see cref="CollectorRules"/>. A refusal is counted per reason, logged rate-limited and dead-lettered; anything
/// unexpected is caught, counted and dead-lettered (STYLE.md rule 11). Thread-safe.
/// </summary>
internal sealed class MessageParser(IngestCounters counters, DeadLetterPublisher deadLetters, RejectionLog rejections, ILogger logger, TimeProvider time)
{
    /// <summary>Told about every accepted batch and every edge status (alert rules, issue 7); null: nobody.</summary>
    public IBatchObserver? Observer { get; init; }

    public bool TryAccept(MqttMessage message, out ReceivedBatch accepted)
    {
        accepted = default;
        try
        {
            if (!ParsedTopic.TryParse(message.Topic, out var topic, out var why))
            {
                Reject(message, new Rejection(RejectReason.BadTopic, why));
                return false;
            }

            if (topic.Channel == TopicChannel.Status && Observer is not null)
            {
                ObserveStatus(topic, message);
            }

            if (topic.Channel == TopicChannel.State && Observer is not null)
            {
                ObserveState(topic, message);
            }

            if (topic.Channel == TopicChannel.Thumbnail && Observer is not null)
            {
                Observer.OnThumbnail(topic.Site, topic.Room, message.Payload.Span);
            }

            if (topic.Channel is not (TopicChannel.Metrics or TopicChannel.Events or TopicChannel.Checklist))
            {
                // status, state, display, ack (our own), cmd: not stored.
                counters.MessageIgnored();
                return false;
            }

            if (!PayloadValidator.TryParseBatch(topic, message.Payload.Span, time.GetUtcNow(), out var batch, out var rejection))
            {
                Reject(message, rejection);
                return false;
            }

            if (CollectorRules.Check(batch) is { } refused)
            {
                Reject(message, refused);
                return false;
            }

            counters.PointsReceived(batch.Points.Count);
            accepted = new ReceivedBatch(new EdgeKey(batch.Site, batch.Room, batch.Edge), batch);
            Observe(batch);
            return true;
        }
        catch (Exception ex)
        {
            counters.Failure();
            IngestLog.MessageFailed(logger, message.Topic, ex);
            deadLetters.Failed(message.Topic, message.Payload, ex);
            return false;
        }
    }

    private void Observe(MetricBatch batch)
    {
        if (Observer is null)
        {
            return;
        }

        try
        {
            Observer.OnBatch(batch);
        }
        catch (Exception ex)
        {
            // Never lose a point because of alerting: the batch is stored regardless.
            counters.Failure();
            IngestLog.MessageFailed(logger, "alert evaluation", ex);
        }
    }

    private void ObserveStatus(ParsedTopic topic, MqttMessage message)
    {
        try
        {
            var status = JsonSerializer.Deserialize(message.Payload.Span, ContractsJsonContext.Default.StatusMessage);
            if (status?.Status is StatusMessage.Online or StatusMessage.Offline)
            {
                Observer!.OnStatus(topic.Site, topic.Room, status.Status == StatusMessage.Online);
            }
        }
        catch (JsonException)
        {
            // A malformed status is not stored either; the edge's next status replaces it.
        }
    }

    private void ObserveState(ParsedTopic topic, MqttMessage message)
    {
        try
        {
            var state = JsonSerializer.Deserialize(message.Payload.Span, ContractsJsonContext.Default.RoomStateMessage);
            if (state is not null && state.Site == topic.Site && state.Room == topic.Room && RoomStates.All.Contains(state.State))
            {
                Observer!.OnState(topic.Site, topic.Room, state);
            }
        }
        catch (JsonException)
        {
            // A malformed state is not stored either; the edge's next state replaces it.
        }
    }

    private void Reject(MqttMessage message, Rejection rejection)
    {
        counters.Rejected(rejection.Code);
        rejections.Log(message.Topic, rejection);
        deadLetters.Rejected(message.Topic, message.Payload, rejection);
    }
}
