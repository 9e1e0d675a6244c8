using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Contracts.Validation;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Ingest.Influx;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Collecting;

/// <summary>
/// Republishes refused payloads as <see cref="DeadLetter"/> JSON on <see cref="Topic.DeadLetter"/> (QoS 1), so nothing
/// is dropped silently. Publishing never blocks the caller; at most <see cref="MaxOutstanding"/> publishes wait for PUBACK.
/// </summary>
internal sealed class DeadLetterPublisher(IngestCounters counters, ILogger logger, TimeProvider time) : IDeadLetterSink
{
    /// <summary>Reason code of lines InfluxDB refused (HTTP 400).</summary>
    public const string InfluxRejected = "influx-rejected";

    /// <summary>Reason code of a message whose handling failed unexpectedly.</summary>
    public const string InternalError = "internal-error";

    /// <summary>Pseudo-topic naming the source of an <see cref="InfluxRejected"/> dead letter.</summary>
    public const string InfluxSource = "influxdb/write";

    private const int MaxOutstanding = 10_000;
    private const int MaxDetail = 2_000;

    private int _outstanding;

    public IMqttClient? Client { get; set; }

    public void Rejected(string topic, ReadOnlyMemory<byte> payload, Rejection rejection) =>
        Publish(topic, payload.Span, rejection.Code, rejection.Detail);

    public void Failed(string topic, ReadOnlyMemory<byte> payload, Exception exception) =>
        Publish(topic, payload.Span, InternalError, exception.GetType().Name + ": " + exception.Message);

    public void LineRejected(ReadOnlyMemory<byte> line, string error) =>
        Publish(InfluxSource, line.Span, InfluxRejected, error);

    private void Publish(string topic, ReadOnlySpan<byte> payload, string reason, string detail)
    {
        var client = Client;
        if (client is null || Interlocked.Increment(ref _outstanding) > MaxOutstanding)
        {
            Interlocked.Decrement(ref _outstanding);
            counters.Failure();
            return;
        }

        var letter = new DeadLetter
        {
            V = SchemaVersion.Current,
            Topic = topic,
            Reason = reason,
            Detail = detail.Length > MaxDetail ? detail[..MaxDetail] : detail,
            PayloadBase64 = Convert.ToBase64String(payload),
            Ts = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(letter, ContractsJsonContext.Default.DeadLetter);
        var target = Topic.DeadLetter(reason);
        _ = ObserveAsync(client.PublishAsync(target, json, MqttQos.AtLeastOnce, retain: false, CancellationToken.None), target);
    }

    private async Task ObserveAsync(Task publish, string topic)
    {
        try
        {
            await publish.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            IngestLog.PublishFailed(logger, topic, ex);
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
        }
    }
}
